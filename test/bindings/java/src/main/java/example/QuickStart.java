package example;

import io.github.cdk8sflink.FlinkDeployment;
import io.github.cdk8sflink.FlinkJobOptions;
import io.github.cdk8sflink.FlinkVersion;
import io.github.cdk8sflink.JobManagerOptions;
import io.github.cdk8sflink.TaskManagerOptions;
import io.github.cdk8sflink.UpgradeMode;
import org.cdk8s.App;
import org.cdk8s.Chart;
import org.cdk8s.ChartProps;
import org.cdk8s.Size;

public final class QuickStart {
    public static void main(final String[] args) {
        App app = new App();
        Chart chart = new Chart(app, "flink-jobs", ChartProps.builder().namespace("flink").build());

        FlinkDeployment.Builder.create(chart, "wc")
            .name("wordcount")
            .image("flink:1.20")
            .flinkVersion(FlinkVersion.V1_20)
            .jobManager(JobManagerOptions.builder().memory(Size.mebibytes(2048)).cpu(1).build())
            .taskManager(TaskManagerOptions.builder().memory(Size.mebibytes(2048)).cpu(1).build())
            .job(FlinkJobOptions.builder()
                .jarUri("local:///opt/flink/examples/streaming/StateMachineExample.jar")
                .parallelism(2)
                .upgradeMode(UpgradeMode.STATELESS)
                .build())
            .build();

        app.synth();
    }
}
