package main

import (
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk8s-flink/cdk8s-flink-go/cdk8sflink"
	"github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2"
)

func main() {
	app := cdk8s.NewApp(nil)
	chart := cdk8s.NewChart(app, jsii.String("flink-jobs"), &cdk8s.ChartProps{Namespace: jsii.String("flink")})

	cdk8sflink.NewFlinkDeployment(chart, jsii.String("wc"), &cdk8sflink.FlinkDeploymentProps{
		Name:         jsii.String("wordcount"),
		Image:        jsii.String("flink:1.20"),
		FlinkVersion: cdk8sflink.FlinkVersion_V1_20(),
		JobManager:   &cdk8sflink.JobManagerOptions{Memory: cdk8s.Size_Mebibytes(jsii.Number(2048)), Cpu: jsii.Number(1)},
		TaskManager:  &cdk8sflink.TaskManagerOptions{Memory: cdk8s.Size_Mebibytes(jsii.Number(2048)), Cpu: jsii.Number(1)},
		Job: &cdk8sflink.FlinkJobOptions{
			JarUri:      jsii.String("local:///opt/flink/examples/streaming/StateMachineExample.jar"),
			Parallelism: jsii.Number(2),
			UpgradeMode: cdk8sflink.UpgradeMode_STATELESS,
		},
	})

	app.Synth()
}
