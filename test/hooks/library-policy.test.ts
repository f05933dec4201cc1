/**
 * The library's policy (plain-text credentials, Pod Security "restricted")
 * is one stage of the hook pipeline: it sees the mutated manifest, and
 * `cdk8s-flink validate` applies it to YAML exactly as synth does.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import { stringify } from 'yaml';
import { runCli } from '../../src/cli/main';
import { FlinkDeployment } from '../../src/flink-deployment';
import { FlinkHooks } from '../../src/hooks/flink-hooks';
import { PodSecurity } from '../../src/pod-security';
import { deploymentProps } from '../support/fixtures';

function validate(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(['validate', ...argv], (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

function writeYaml(...docs: unknown[]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'policy-')), 'input.yaml');
  fs.writeFileSync(file, docs.map((d) => stringify(d)).join('---\n'));
  return file;
}

/** The FlinkDeployment that a chart synthesizes (the app must be valid). */
function synthesized(build: (chart: Chart) => void): any {
  const chart = Testing.chart();
  build(chart);
  return Testing.synth(chart).find((d) => d.kind === 'FlinkDeployment');
}

function synthErrors(app: App): string[] {
  try {
    app.synth();
    return [];
  } catch (e) {
    return (e as Error).message.split('\n').slice(1);
  }
}

const PRIVILEGED_TEMPLATE = {
  spec: {
    hostNetwork: true,
    containers: [{ name: 'flink-main-container', securityContext: { privileged: true } }],
  },
};

describe('the policy runs on the mutated manifest', () => {
  test('a credential or a privileged container injected by a mutator fails synth', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    new FlinkDeployment(chart, 'd', deploymentProps());
    FlinkHooks.of(app).addMutator({
      mutateDeployment: (d: any) => ({
        ...d,
        spec: { ...d.spec, flinkConfiguration: { ...d.spec.flinkConfiguration, 's3.secret-key': 'hunter2' }, podTemplate: PRIVILEGED_TEMPLATE },
      }),
      mutateSessionJob: (j: any) => j,
    });
    const errors = synthErrors(app);
    expect(errors.some((e) => e.includes('[c/d] flinkConfiguration.s3.secret-key: looks like a credential and is set as plain text'))).toBe(true);
    expect(errors.some((e) => e.includes('[c/d] spec.podTemplate.spec.hostNetwork: true shares the node\'s network namespace'))).toBe(true);
    expect(errors.some((e) => e.includes('spec.podTemplate.spec.containers[flink-main-container].securityContext.privileged'))).toBe(true);
    expect(errors.join('\n')).not.toContain('hunter2');
  });
});

describe('cdk8s-flink validate applies the same policy as synth', () => {
  const handWritten = () => {
    const doc = synthesized((c) => new FlinkDeployment(c, 'd', deploymentProps({ podSecurity: PodSecurity.CUSTOM })));
    delete doc.metadata.annotations['policy.cdk8s-flink.dev/pod-security'];
    doc.spec.flinkConfiguration = { ...doc.spec.flinkConfiguration, 's3.secret-key': 'hunter2' };
    doc.spec.podTemplate = PRIVILEGED_TEMPLATE;
    return doc;
  };

  test('a credential in plain text and a privileged, host-network pod template are errors by default', () => {
    const file = writeYaml(handWritten());
    const r = validate(file);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}: FlinkDeployment/d: flinkConfiguration.s3.secret-key: looks like a credential and is set as plain text`);
    expect(r.out).toContain(`${file}: FlinkDeployment/d: spec.podTemplate.spec.hostNetwork: true shares the node's network namespace`);
    expect(r.out).toContain('securityContext.privileged');
    expect(r.out).not.toContain('hunter2');
  });

  test('--policy operator applies the operator\'s admission rules only', () => {
    const r = validate('--policy', 'operator', writeYaml(handWritten()));
    expect(r).toEqual({ code: 0, out: '1 resource in 1 file: 0 errors, 0 warnings\n', err: '' });
  });

  test('the opt-outs a construct renders as annotations are honoured', () => {
    const doc = synthesized((c) => {
      const d = new FlinkDeployment(c, 'd', deploymentProps({
        podSecurity: PodSecurity.CUSTOM,
        podTemplate: PRIVILEGED_TEMPLATE,
        flinkConfiguration: { 's3.secret-key': 'test-only', 'security.ssl.rest.keystore-password': 'changeit' },
        plaintextConfigurationKeys: ['s3.secret-key'],
      }));
      d.allowPlaintextConfiguration('security.ssl.rest.keystore-password');
    });
    expect(doc.metadata.annotations).toMatchObject({
      'policy.cdk8s-flink.dev/pod-security': 'custom',
      'policy.cdk8s-flink.dev/plaintext-configuration-keys': 's3.secret-key,security.ssl.rest.keystore-password',
    });
    expect(validate(writeYaml(doc))).toEqual({ code: 0, out: '1 resource in 1 file: 0 errors, 0 warnings\n', err: '' });
  });

  test('a restricted resource renders no policy annotation', () => {
    const doc = synthesized((c) => new FlinkDeployment(c, 'd', deploymentProps()));
    expect(Object.keys(doc.metadata.annotations ?? {}).filter((k) => k.startsWith('policy.'))).toEqual([]);
    expect(validate(writeYaml(doc)).code).toBe(0);
  });

  test('an unknown --policy is a usage error', () => {
    expect(validate('--policy', 'lax', writeYaml(handWritten()))).toMatchObject({ code: 2, err: "cdk8s-flink: --policy must be recommended or operator, got 'lax'\n" });
  });
});
