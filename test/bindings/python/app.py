from cdk8s import App, Chart, Size
from cdk8s_flink import (
    FlinkDeployment,
    FlinkJobOptions,
    FlinkVersion,
    JobManagerOptions,
    TaskManagerOptions,
    UpgradeMode,
)

app = App()
chart = Chart(app, "flink-jobs", namespace="flink")

FlinkDeployment(
    chart,
    "wc",
    name="wordcount",
    image="flink:1.20",
    flink_version=FlinkVersion.V1_20,
    job_manager=JobManagerOptions(memory=Size.mebibytes(2048), cpu=1),
    task_manager=TaskManagerOptions(memory=Size.mebibytes(2048), cpu=1),
    job=FlinkJobOptions(
        jar_uri="local:///opt/flink/examples/streaming/StateMachineExample.jar",
        parallelism=2,
        upgrade_mode=UpgradeMode.STATELESS,
    ),
)

app.synth()
