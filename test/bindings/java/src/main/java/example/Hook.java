package example;

import io.github.cdk8sflink.FlinkDeployment;
import io.github.cdk8sflink.FlinkHookContext;
import io.github.cdk8sflink.FlinkHooks;
import io.github.cdk8sflink.FlinkJobOptions;
import io.github.cdk8sflink.FlinkJobReference;
import io.github.cdk8sflink.FlinkResourceEvent;
import io.github.cdk8sflink.FlinkStateSnapshot;
import io.github.cdk8sflink.FlinkVersion;
import io.github.cdk8sflink.IFlinkResourceListener;
import io.github.cdk8sflink.IFlinkResourceMutator;
import io.github.cdk8sflink.IFlinkResourceValidator;
import io.github.cdk8sflink.IFlinkStateSnapshotValidator;
import io.github.cdk8sflink.JobManagerOptions;
import io.github.cdk8sflink.TaskManagerOptions;
import io.github.cdk8sflink.UpgradeMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cdk8s.App;
import org.cdk8s.Chart;
import org.cdk8s.ChartProps;
import org.cdk8s.Size;

/** Hooks written in Java: a validator that rejects an image, a mutator, a listener and a snapshot validator. */
public final class Hook {
    /** Rejects images that are not from registry.example.com; reports the snapshots it sees. */
    static final class RegistryValidator implements IFlinkResourceValidator, IFlinkStateSnapshotValidator {
        @Override
        public String validateDeployment(final Object deployment, final FlinkHookContext context) {
            String image = (String) map(map(deployment).get("spec")).get("image");
            return image.startsWith("registry.example.com/") ? null : "image '" + image + "' is not from registry.example.com";
        }

        @Override
        public String validateSessionJob(final Object sessionJob, final Object sessionDeployment, final FlinkHookContext context) {
            return null;
        }

        @Override
        public String validateStateSnapshot(final Object snapshot, final Object target, final FlinkHookContext context) {
            Map<String, Object> job = map(map(map(snapshot).get("spec")).get("jobReference"));
            System.out.println("snapshot validator: " + job.get("kind") + "/" + job.get("name") + " found=" + (target != null ? "True" : "False"));
            return null;
        }
    }

    /** Labels every FlinkDeployment with its cost center. */
    static final class CostCenterMutator implements IFlinkResourceMutator {
        @Override
        public Object mutateDeployment(final Object deployment, final FlinkHookContext context) {
            Map<String, Object> metadata = map(map(deployment).get("metadata"));
            metadata.computeIfAbsent("labels", k -> new LinkedHashMap<String, Object>());
            map(metadata.get("labels")).put("cost-center", "data");
            return deployment;
        }

        @Override
        public Object mutateSessionJob(final Object sessionJob, final Object sessionDeployment, final FlinkHookContext context) {
            return sessionJob;
        }
    }

    /** Prints every validation failure with the resource's cost center. */
    static final class FailureReporter implements IFlinkResourceListener {
        @Override
        public void onMutated(final FlinkResourceEvent event) {
        }

        @Override
        public void onValidationFailed(final FlinkResourceEvent event) {
            Object costCenter = map(map(map(event.getManifest()).get("metadata")).get("labels")).get("cost-center");
            System.out.println("listener: " + event.getSource() + " cost-center=" + costCenter + ": " + String.join("; ", event.getErrors()));
        }

        @Override
        public void onRendered(final FlinkResourceEvent event) {
        }
    }

    /** A JSON object of a manifest, as the jsii runtime hands it to Java. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(final Object value) {
        return (Map<String, Object>) value;
    }

    public static void main(final String[] args) {
        App app = new App();
        Chart chart = new Chart(app, "flink-jobs", ChartProps.builder().namespace("flink").build());
        FlinkHooks hooks = FlinkHooks.of(app);
        hooks.addValidator(new RegistryValidator());
        hooks.addMutator(new CostCenterMutator());
        hooks.addListener(new FailureReporter());

        FlinkDeployment deployment = FlinkDeployment.Builder.create(chart, "wc")
            .name("wordcount")
            .image("flink:1.20")
            .flinkVersion(FlinkVersion.V1_20)
            .jobManager(JobManagerOptions.builder().memory(Size.mebibytes(2048)).cpu(1).build())
            .taskManager(TaskManagerOptions.builder().memory(Size.mebibytes(2048)).cpu(1).build())
            .job(FlinkJobOptions.builder()
                .jarUri("local:///opt/flink/examples/streaming/StateMachineExample.jar")
                .parallelism(2)
                .upgradeMode(UpgradeMode.SAVEPOINT)
                .build())
            .flinkConfiguration(Map.of(
                "execution.checkpointing.dir", "s3://flink/checkpoints",
                "execution.checkpointing.savepoint-dir", "s3://flink/savepoints"))
            .build();
        FlinkStateSnapshot.Builder.create(chart, "savepoint").job(FlinkJobReference.fromDeployment(deployment)).build();
        app.synth();
    }
}
