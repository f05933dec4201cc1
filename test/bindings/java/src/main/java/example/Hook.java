package example;

import io.github.cdk8sflink.FlinkDeployment;
import io.github.cdk8sflink.FlinkDeploymentManifest;
import io.github.cdk8sflink.FlinkHookContext;
import io.github.cdk8sflink.FlinkHooks;
import io.github.cdk8sflink.FlinkJobOptions;
import io.github.cdk8sflink.FlinkJobReference;
import io.github.cdk8sflink.FlinkManifestMetadata;
import io.github.cdk8sflink.FlinkResourceEvent;
import io.github.cdk8sflink.FlinkSessionJobManifest;
import io.github.cdk8sflink.FlinkStateSnapshot;
import io.github.cdk8sflink.FlinkStateSnapshotManifest;
import io.github.cdk8sflink.FlinkStateSnapshotManifestSpecJobReference;
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
        public String validateDeployment(final FlinkDeploymentManifest deployment, final FlinkHookContext context) {
            String image = deployment.getSpec().getImage();
            return image.startsWith("registry.example.com/") ? null : "image '" + image + "' is not from registry.example.com";
        }

        @Override
        public String validateSessionJob(final FlinkSessionJobManifest sessionJob, final Object sessionDeployment, final FlinkHookContext context) {
            return null;
        }

        @Override
        public String validateStateSnapshot(final FlinkStateSnapshotManifest snapshot, final Object target, final FlinkHookContext context) {
            FlinkStateSnapshotManifestSpecJobReference job = snapshot.getSpec().getJobReference();
            System.out.println("snapshot validator: " + job.getKind() + "/" + job.getName() + " found=" + (target != null ? "True" : "False"));
            return null;
        }
    }

    /** Labels every FlinkDeployment with its cost center. */
    static final class CostCenterMutator implements IFlinkResourceMutator {
        @Override
        public FlinkDeploymentManifest mutateDeployment(final FlinkDeploymentManifest deployment, final FlinkHookContext context) {
            FlinkManifestMetadata metadata = deployment.getMetadata();
            Map<String, String> labels = new LinkedHashMap<>();
            if (metadata.getLabels() != null) {
                labels.putAll(metadata.getLabels());
            }
            labels.put("cost-center", "data");
            return FlinkDeploymentManifest.builder()
                .apiVersion(deployment.getApiVersion())
                .kind(deployment.getKind())
                .metadata(FlinkManifestMetadata.builder()
                    .name(metadata.getName())
                    .namespace(metadata.getNamespace())
                    .labels(labels)
                    .annotations(metadata.getAnnotations())
                    .build())
                .spec(deployment.getSpec())
                .status(deployment.getStatus())
                .build();
        }

        @Override
        public FlinkSessionJobManifest mutateSessionJob(final FlinkSessionJobManifest sessionJob, final Object sessionDeployment, final FlinkHookContext context) {
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
