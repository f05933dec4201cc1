module example.com/cdk8s-flink-bindings

go 1.25

require (
	github.com/aws/jsii-runtime-go v1.140.0
	github.com/cdk8s-flink/cdk8s-flink-go/cdk8sflink v0.0.0
	github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2 v2.70.0
)
