"""Hooks written in Python: a validator that rejects an image, a mutator, a
listener and a snapshot validator, registered with FlinkHooks."""
import sys

import jsii
from cdk8s import App, Chart, Size
from cdk8s_flink import (
    FlinkDeployment,
    FlinkDeploymentManifest,
    FlinkHooks,
    FlinkJobOptions,
    FlinkJobReference,
    FlinkStateSnapshot,
    FlinkVersion,
    IFlinkResourceListener,
    IFlinkResourceMutator,
    IFlinkResourceValidator,
    IFlinkStateSnapshotValidator,
    FlinkManifestMetadata,
    JobManagerOptions,
    TaskManagerOptions,
    UpgradeMode,
)


@jsii.implements(IFlinkResourceValidator, IFlinkStateSnapshotValidator)
class RegistryValidator:
    """Rejects images that are not from registry.example.com; reports the snapshots it sees."""

    def validate_deployment(self, deployment, context):
        image = deployment.spec.image
        if image.startswith("registry.example.com/"):
            return None
        return f"image '{image}' is not from registry.example.com"

    def validate_session_job(self, session_job, session_deployment, context):
        return None

    def validate_state_snapshot(self, snapshot, target, context):
        job = snapshot.spec.job_reference
        print(f"snapshot validator: {job.kind}/{job.name} found={target is not None}")
        return None


@jsii.implements(IFlinkResourceMutator)
class CostCenterMutator:
    """Labels every FlinkDeployment with its cost center."""

    def mutate_deployment(self, deployment, context):
        metadata = deployment.metadata
        return FlinkDeploymentManifest(
            api_version=deployment.api_version,
            kind=deployment.kind,
            metadata=FlinkManifestMetadata(
                name=metadata.name,
                namespace=metadata.namespace,
                labels={**(metadata.labels or {}), "cost-center": "data"},
                annotations=metadata.annotations,
            ),
            spec=deployment.spec,
            status=deployment.status,
        )

    def mutate_session_job(self, session_job, session_deployment, context):
        return session_job


@jsii.implements(IFlinkResourceListener)
class FailureReporter:
    """Prints every validation failure with the resource's cost center."""

    def on_mutated(self, event):
        pass

    def on_validation_failed(self, event):
        cost_center = event.manifest["metadata"]["labels"]["cost-center"]
        print(f"listener: {event.source} cost-center={cost_center}: {'; '.join(event.errors)}")

    def on_rendered(self, event):
        pass


app = App()
chart = Chart(app, "flink-jobs", namespace="flink")
hooks = FlinkHooks.of(app)
hooks.add_validator(RegistryValidator())
hooks.add_mutator(CostCenterMutator())
hooks.add_listener(FailureReporter())

deployment = FlinkDeployment(
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
        upgrade_mode=UpgradeMode.SAVEPOINT,
    ),
    flink_configuration={"execution.checkpointing.dir": "s3://flink/checkpoints", "execution.checkpointing.savepoint-dir": "s3://flink/savepoints"},
)
FlinkStateSnapshot(chart, "savepoint", job=FlinkJobReference.from_deployment(deployment))
sys.stdout.flush()
app.synth()
