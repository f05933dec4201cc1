// Hooks written in Go: a validator that rejects an image, a mutator, a
// listener and a snapshot validator, registered with FlinkHooks.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/aws/jsii-runtime-go"
	"github.com/cdk8s-flink/cdk8s-flink-go/cdk8sflink"
	"github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2"
)

// registryValidator rejects images that are not from its registry and
// reports the snapshots it sees. Hooks are passed as pointers: jsii keeps a
// reference to each Go object it hands to the library.
type registryValidator struct {
	registry string
}

func (v *registryValidator) ValidateDeployment(deployment *cdk8sflink.FlinkDeploymentManifest, context *cdk8sflink.FlinkHookContext) *string {
	image := *deployment.Spec.Image
	if strings.HasPrefix(image, v.registry+"/") {
		return nil
	}
	return jsii.String(fmt.Sprintf("image '%s' is not from %s", image, v.registry))
}

func (v *registryValidator) ValidateSessionJob(sessionJob *cdk8sflink.FlinkSessionJobManifest, sessionDeployment interface{}, context *cdk8sflink.FlinkHookContext) *string {
	return nil
}

func (v *registryValidator) ValidateStateSnapshot(snapshot *cdk8sflink.FlinkStateSnapshotManifest, target interface{}, context *cdk8sflink.FlinkHookContext) *string {
	job := snapshot.Spec.JobReference
	fmt.Printf("snapshot validator: %s/%s found=%s\n", *job.Kind, *job.Name, pythonBool(target != nil))
	return nil
}

// costCenterMutator labels every FlinkDeployment with its cost center.
type costCenterMutator struct {
	costCenter string
}

func (m *costCenterMutator) MutateDeployment(deployment *cdk8sflink.FlinkDeploymentManifest, context *cdk8sflink.FlinkHookContext) *cdk8sflink.FlinkDeploymentManifest {
	labels := map[string]*string{}
	if deployment.Metadata.Labels != nil {
		for k, v := range *deployment.Metadata.Labels {
			labels[k] = v
		}
	}
	labels["cost-center"] = jsii.String(m.costCenter)
	metadata := *deployment.Metadata
	metadata.Labels = &labels
	mutated := *deployment
	mutated.Metadata = &metadata
	return &mutated
}

func (m *costCenterMutator) MutateSessionJob(sessionJob *cdk8sflink.FlinkSessionJobManifest, sessionDeployment interface{}, context *cdk8sflink.FlinkHookContext) *cdk8sflink.FlinkSessionJobManifest {
	return sessionJob
}

// failureReporter prints every validation failure with the resource's cost center.
type failureReporter struct {
	out *os.File
}

func (r *failureReporter) OnMutated(event *cdk8sflink.FlinkResourceEvent) {}

func (r *failureReporter) OnValidationFailed(event *cdk8sflink.FlinkResourceEvent) {
	labels := event.Manifest.(map[string]interface{})["metadata"].(map[string]interface{})["labels"].(map[string]interface{})
	errors := []string{}
	for _, e := range *event.Errors {
		errors = append(errors, *e)
	}
	fmt.Fprintf(r.out, "listener: %s cost-center=%s: %s\n", *event.Source, labels["cost-center"], strings.Join(errors, "; "))
}

func (r *failureReporter) OnRendered(event *cdk8sflink.FlinkResourceEvent) {}

// pythonBool spells a boolean as the Python program prints it, so every language prints the same line.
func pythonBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

func main() {
	app := cdk8s.NewApp(nil)
	chart := cdk8s.NewChart(app, jsii.String("flink-jobs"), &cdk8s.ChartProps{Namespace: jsii.String("flink")})
	hooks := cdk8sflink.FlinkHooks_Of(app)
	hooks.AddValidator(&registryValidator{registry: "registry.example.com"})
	hooks.AddMutator(&costCenterMutator{costCenter: "data"})
	hooks.AddListener(&failureReporter{out: os.Stdout})

	deployment := cdk8sflink.NewFlinkDeployment(chart, jsii.String("wc"), &cdk8sflink.FlinkDeploymentProps{
		Name:         jsii.String("wordcount"),
		Image:        jsii.String("flink:1.20"),
		FlinkVersion: cdk8sflink.FlinkVersion_V1_20(),
		JobManager:   &cdk8sflink.JobManagerOptions{Memory: cdk8s.Size_Mebibytes(jsii.Number(2048)), Cpu: jsii.Number(1)},
		TaskManager:  &cdk8sflink.TaskManagerOptions{Memory: cdk8s.Size_Mebibytes(jsii.Number(2048)), Cpu: jsii.Number(1)},
		Job: &cdk8sflink.FlinkJobOptions{
			JarUri:      jsii.String("local:///opt/flink/examples/streaming/StateMachineExample.jar"),
			Parallelism: jsii.Number(2),
			UpgradeMode: cdk8sflink.UpgradeMode_SAVEPOINT,
		},
		FlinkConfiguration: &map[string]interface{}{
			"execution.checkpointing.dir":           "s3://flink/checkpoints",
			"execution.checkpointing.savepoint-dir": "s3://flink/savepoints",
		},
	})
	cdk8sflink.NewFlinkStateSnapshot(chart, jsii.String("savepoint"), &cdk8sflink.FlinkStateSnapshotProps{
		Job: cdk8sflink.FlinkJobReference_FromDeployment(deployment),
	})
	os.Stdout.Sync()
	app.Synth()
}
