import * as fs from 'fs';
import * as path from 'path';
import { cli, sessionDeploymentYaml, tmpdir } from '../support/cli';

/** A session cluster in the 1.16 form: Flink 2.3, resources requests, a TaskManager memory limit below its request. */
const DEPLOYMENT = sessionDeploymentYaml('2.3', 'resources: { requests: { memory: "2048m", cpu: "1" } }',
  'resources: { requests: { memory: "2048m", cpu: "1" }, limits: { memory: "1024m" } }');

describe('cdk8s-flink validate --operator-version', () => {
  const dir = tmpdir();
  const file = path.join(dir, 'flink.yaml');
  fs.writeFileSync(file, DEPLOYMENT);

  test('checks against operator 1.16 by default', () => {
    const { code, out } = cli('validate', file);
    expect(code).toBe(1);
    expect(out).toBe(`${file}: FlinkDeployment/session: TaskManager resource requirements memory request (2048m) must not exceed its limit (1024m)\n`
      + '1 resource in 1 file: 1 error, 0 warnings\n');
    expect(cli('validate', '--operator-version', '1.16', file).out).toBe(out);
  });

  test('checks against the 1.15 CRDs and rules when asked', () => {
    const { code, out } = cli('validate', '--operator-version', '1.15', file);
    expect(code).toBe(1);
    expect(out).toContain("spec.flinkVersion: 'v2_3' is not accepted by the FlinkDeployment CRD of Flink Kubernetes Operator 1.15.0");
    expect(out).toContain('spec.taskManager.resources is not a field of the FlinkDeployment CRD of Flink Kubernetes Operator 1.15.0');
    expect(out).toContain('JobManager resource memory must be defined using `spec.jobManager.resource.memory`\n');
  });

  test.each(['1.14', '2', ''])('fails with a usage error for %j', (version) => {
    const { code, err } = cli('validate', '--operator-version', version, file);
    expect(code).toBe(2);
    expect(err).toContain(`--operator-version must be 1.15 or 1.16, got '${version}'`);
  });
});
