/**
 * The resources of the operator's DefaultValidatorTest (upstream `TestUtils`)
 * as plain manifests, shared by the DefaultValidator tests of every operator
 * version. Each call returns a new copy to mutate.
 */
import { flinkManifest } from './manifests';

/** The upstream tests run with an empty operator configuration. */
export const EMPTY_OPERATOR_CONFIG = { operatorConfiguration: {} };

export const SAVEPOINT_DIR = 'execution.checkpointing.savepoint-dir';
export const CHECKPOINT_DIR = 'execution.checkpointing.dir';
export const K8S_HA = 'org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory';

/** The configuration of every test cluster (upstream `getTestFlinkDeploymentSpec`). */
export function testFlinkConfiguration(): Record<string, string> {
  return {
    'taskmanager.numberOfTaskSlots': '2',
    'high-availability.type': K8S_HA,
    'high-availability.storageDir': 'test',
    [SAVEPOINT_DIR]: 'test-savepoint-dir',
    [CHECKPOINT_DIR]: 'file:///test/test-checkpoint-dir',
  };
}

/** A valid session cluster (upstream `TestUtils.buildSessionCluster`). */
export function sessionCluster(): any {
  return flinkManifest('FlinkDeployment', { name: 'test-cluster', namespace: 'flink-operator-test' }, {
    image: 'flink:latest',
    imagePullPolicy: 'IfNotPresent',
    serviceAccount: 'flink-operator',
    flinkVersion: 'v1_17',
    flinkConfiguration: testFlinkConfiguration(),
    jobManager: { resource: { cpu: 1.0, memory: '2048m', ephemeralStorage: '2G' }, replicas: 1 },
    taskManager: { resource: { cpu: 1.0, memory: '2048m', ephemeralStorage: '2G' } },
  });
}

/** A valid application cluster (upstream `TestUtils.buildApplicationCluster`). */
export function applicationCluster(): any {
  const deployment = sessionCluster();
  deployment.spec.job = { jarURI: 'local:///tmp/sample.jar', parallelism: 1, upgradeMode: 'stateless', state: 'running' };
  return deployment;
}

/** A valid session job (upstream `TestUtils.buildSessionJob`). */
export function sessionJob(): any {
  return flinkManifest('FlinkSessionJob', { name: 'test-session-job', namespace: 'flink-operator-test' }, {
    deploymentName: 'test-cluster',
    job: { jarURI: 'https://example.com/sample.jar', parallelism: 1, upgradeMode: 'stateless', state: 'running' },
    flinkConfiguration: { 'kubernetes.operator.user.artifacts.http.header': 'header' },
  });
}
