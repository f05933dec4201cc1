import { Chart, Testing } from 'cdk8s';
import { crdSchemaErrors } from './support/crd-schema';
import { deploymentProps, STATE_MACHINE_JAR } from './support/fixtures';
import { RESTRICTED_CONTAINER } from './support/pod-security';
import { buildErrors, synthErrors as appErrors } from './support/prop-errors';
import { FlinkBlueGreenDeployment } from '../src/flink-blue-green-deployment';
import { FlinkDeployment } from '../src/flink-deployment';
import { FlinkDeploymentProps } from '../src/flink-deployment-props';
import { FlinkSessionJob } from '../src/flink-session-job';
import { PodSecurity } from '../src/pod-security';

/** Session jobs submit jars over https (the operator's default allowlist). */
const SESSION_JAR = 'https://repo.example.com/jobs/top-speed.jar';

const HINT = 'put the value in a Secret and expose it to the Flink pods with addSecretEnv(...) as an environment variable for the code or plugin that reads it';

function plaintext(key: string): string {
  return `flinkConfiguration.${key}: looks like a credential and is set as plain text; ${HINT}, or allow it with allowPlaintextConfiguration('${key}')`;
}

/** The validation lines of a synth (none when it succeeds), without the `[test/<id>] ` prefix. */
function synthErrors(build: (chart: Chart) => void): string[] {
  const chart = Testing.chart();
  build(chart);
  try {
    Testing.synth(chart);
    return [];
  } catch (e) {
    const [head, ...lines] = (e as Error).message.split('\n');
    expect(head).toEqual('Validation failed with the following errors:');
    return lines.map((l) => l.replace(/^ {2}\[test\/[^\]]+\] /, ''));
  }
}

function configurationErrors(flinkConfiguration: Record<string, unknown>, extra: Partial<FlinkDeploymentProps> = {}): string[] {
  return synthErrors((c) => new FlinkDeployment(c, 'd', deploymentProps({ flinkConfiguration, ...extra })));
}

function synthDeployment(build: (chart: Chart) => FlinkDeployment | FlinkBlueGreenDeployment): any {
  const chart = Testing.chart();
  build(chart);
  const [doc] = Testing.synth(chart);
  expect(crdSchemaErrors(doc)).toEqual([]);
  return doc;
}

describe('credentials in plain text', () => {
  test.each([
    's3.secret-key',
    's3.access-key',
    's3.access.key',
    'fs.s3a.secret.key',
    'security.ssl.rest.keystore-password',
    'metrics.reporter.dghttp.apikey',
    'metrics.reporter.dd.api-key',
    'kafka.sasl.passwd',
    'gs.auth.token',
    'azure.credential',
    'snowflake.private-key',
    'my.Access_Key',
    'DB.PASSWORD',
  ])('fails synth on %s with a literal value, naming the key and the typed alternative', (key) => {
    expect(configurationErrors({ [key]: 'hunter2' })).toEqual([plaintext(key)]);
  });

  test('nested maps are checked by their flattened key; numbers are literals too', () => {
    expect(configurationErrors({ 'security.ssl': { internal: { 'key-password': 1234 } } }))
      .toEqual([plaintext('security.ssl.internal.key-password')]);
  });

  test('reports every key at once, and never the value', () => {
    const chart = Testing.chart();
    new FlinkDeployment(chart, 'd', deploymentProps({ flinkConfiguration: { 's3.access-key': 'AKIA-EXAMPLE', 's3.secret-key': 'wJalr-EXAMPLE' } }));
    let message = '';
    try {
      Testing.synth(chart);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toEqual([
      'Validation failed with the following errors:',
      `  [test/d] ${plaintext('s3.access-key')}`,
      `  [test/d] ${plaintext('s3.secret-key')}`,
    ].join('\n'));
    expect(message).not.toMatch(/EXAMPLE/);
  });

  test.each<[string, Record<string, unknown>]>([
    ['Secret mounts', { 'kubernetes.secrets': 'tls-cert:/opt/flink/tls-cert' }],
    ['env from Secrets', { 'kubernetes.env.secretKeyRef': 'env:DB_PASSWORD,secret:db,key:password' }],
    ['delegation token settings', { 'security.delegation.tokens.renewal.retry.backoff': '1 h', 'security.delegation.token.provider.hadoopfs.renewer': 'flink' }],
    ['credential provider classes', { 'fs.s3a.aws.credentials.provider': 'com.amazonaws.auth.WebIdentityTokenCredentialsProvider' }],
    ['booleans', { 'security.delegation.tokens.enabled': false, 'x.token.enabled': 'true' }],
    ['${NAME} references', { 's3.secret-key': '${S3_SECRET_KEY}' }],
    ['empty values', { 's3.secret-key': '' }],
    ['keys that mention nothing secret', { 'taskmanager.numberOfTaskSlots': '2', 'security.ssl.rest.keystore': '/opt/flink/tls/keystore.jks' }],
  ])('accepts %s', (_what, flinkConfiguration) => {
    expect(configurationErrors(flinkConfiguration)).toEqual([]);
  });

  test('keys allowed by the prop pass; others are still reported', () => {
    expect(configurationErrors(
      { 'security.ssl.keystore-password': 'password1234', 'security.ssl.key-password': 'password1234', 's3.secret-key': 'x' },
      { plaintextConfigurationKeys: ['security.ssl.keystore-password', 'security.ssl.key-password'] },
    )).toEqual([plaintext('s3.secret-key')]);
  });

  test('allowPlaintextConfiguration() allows a key after construction; addFlinkConfiguration() values are checked', () => {
    expect(synthErrors((c) => {
      const d = new FlinkDeployment(c, 'd', deploymentProps());
      d.addFlinkConfiguration('s3.secret-key', 'x');
      d.addFlinkConfiguration('security.ssl.rest.truststore-password', 'changeit');
      d.allowPlaintextConfiguration('security.ssl.rest.truststore-password');
    })).toEqual([plaintext('s3.secret-key')]);
  });

  test('the opt-out is independent of the pod security opt-out', () => {
    expect(configurationErrors({ 's3.secret-key': 'x' }, { podSecurity: PodSecurity.CUSTOM })).toEqual([plaintext('s3.secret-key')]);
  });

  test('a FlinkSessionJob points to the session cluster\'s addSecretEnv', () => {
    const errors = synthErrors((c) => {
      const session = new FlinkDeployment(c, 'd', deploymentProps());
      const job = session.addSessionJob('j', {
        job: { jarUri: SESSION_JAR, parallelism: 1 },
        flinkConfiguration: { 'kafka.password': 'x', 'kafka.token': 'y' },
        plaintextConfigurationKeys: ['kafka.token'],
      });
      expect(job).toBeInstanceOf(FlinkSessionJob);
    });
    expect(errors).toEqual([
      'flinkConfiguration.kafka.password: looks like a credential and is set as plain text; put the value in a Secret and expose it to the '
      + 'session cluster\'s pods with addSecretEnv(...) on its FlinkDeployment, as an environment variable for the code that reads it, '
      + 'or allow it with allowPlaintextConfiguration(\'kafka.password\')',
    ]);
  });

  test('FlinkSessionJob.allowPlaintextConfiguration() allows a key', () => {
    expect(synthErrors((c) => {
      new FlinkSessionJob(c, 'j', {
        deployment: FlinkDeployment.fromName(c, 'session', 'shared'),
        job: { jarUri: SESSION_JAR, parallelism: 1 },
        flinkConfiguration: { 'kafka.password': 'x' },
      }).allowPlaintextConfiguration('kafka.password');
    })).toEqual([]);
  });

  test('a FlinkBlueGreenDeployment template is checked, with the same opt-outs', () => {
    const build = (allow: boolean) => synthErrors((c) => {
      const bg = new FlinkBlueGreenDeployment(c, 'bg', deploymentProps({
        job: { jarUri: STATE_MACHINE_JAR, parallelism: 1 },
        flinkConfiguration: { 's3.secret-key': 'x' },
      }));
      if (allow) {
        bg.allowPlaintextConfiguration('s3.secret-key');
      }
    });
    expect(build(false)).toEqual([plaintext('s3.secret-key')]);
    expect(build(true)).toEqual([]);
  });

  test.each<[string, unknown, RegExp]>([
    ['a list that is not a list', 's3.secret-key', /plaintextConfigurationKeys: must be a list of configuration keys, got "s3.secret-key"/],
    ['an empty key', [' '], /plaintextConfigurationKeys: entries must be non-empty configuration keys without commas, got " "/],
    ['a key with a comma', ['a,b'], /plaintextConfigurationKeys: entries must be non-empty configuration keys without commas, got "a,b"/],
  ])('fails synth on %s', (_what, keys, message) => {
    expect(buildErrors((c) => new FlinkDeployment(c, 'd', deploymentProps({ plaintextConfigurationKeys: keys as string[] })))).toMatch(message);
  });
});

describe('addSecretEnv', () => {
  const secretEnv = (name: string, secret: string, key: string) => ({ name, valueFrom: { secretKeyRef: { name: secret, key } } });

  test('renders the variable on flink-main-container of spec.podTemplate, with the restricted defaults', () => {
    const doc = synthDeployment((c) => {
      const d = new FlinkDeployment(c, 'd', deploymentProps());
      d.addSecretEnv('AWS_ACCESS_KEY_ID', 's3-credentials', 'access-key-id');
      d.addSecretEnv('AWS_SECRET_ACCESS_KEY', 's3-credentials', 'secret-access-key');
      return d;
    });
    expect(doc.spec.podTemplate.spec.containers).toEqual([{
      name: 'flink-main-container',
      env: [secretEnv('AWS_ACCESS_KEY_ID', 's3-credentials', 'access-key-id'), secretEnv('AWS_SECRET_ACCESS_KEY', 's3-credentials', 'secret-access-key')],
      securityContext: RESTRICTED_CONTAINER,
    }]);
  });

  test('appends to the variables of the template\'s flink-main-container', () => {
    const doc = synthDeployment((c) => {
      const d = new FlinkDeployment(c, 'd', deploymentProps({
        podSecurity: PodSecurity.CUSTOM,
        podTemplate: { spec: { containers: [{ name: 'flink-main-container', env: [{ name: 'REGION', value: 'eu-west-1' }] }] } },
      }));
      d.addSecretEnv('DB_PASSWORD', 'db', 'password');
      d.addSecretEnv('DB_PASSWORD', 'db', 'password');
      return d;
    });
    expect(doc.spec.podTemplate).toEqual({
      spec: { containers: [{ name: 'flink-main-container', env: [{ name: 'REGION', value: 'eu-west-1' }, secretEnv('DB_PASSWORD', 'db', 'password')] }] },
    });
  });

  test('works on the blue/green template', () => {
    const doc = synthDeployment((c) => {
      const bg = new FlinkBlueGreenDeployment(c, 'bg', deploymentProps({ job: { jarUri: STATE_MACHINE_JAR, parallelism: 1 }, podSecurity: PodSecurity.CUSTOM }));
      bg.addSecretEnv('API_TOKEN', 'api', 'token');
      return bg;
    });
    expect(doc.spec.template.spec.podTemplate).toEqual({ spec: { containers: [{ name: 'flink-main-container', env: [secretEnv('API_TOKEN', 'api', 'token')] }] } });
  });

  test.each<[string, string, string, string, RegExp]>([
    ['a malformed name', '1 BAD', 's', 'k', /name: must be an environment variable name, got "1 BAD"/],
    ['a malformed Secret name', 'A', 'My_Secret', 'k', /secretName: must be a Secret name \(DNS subdomain\), got "My_Secret"/],
    ['a malformed key', 'A', 's', 'a/b', /key: must be a key of a Secret, got "a\/b"/],
    ['a name the pod template sets', 'REGION', 's', 'k', /name: environment variable 'REGION' is already set on flink-main-container by 'podTemplate'/],
    ['a name already reading another Secret', 'DB_PASSWORD', 'other', 'k',
      /name: environment variable 'DB_PASSWORD' already reads key 'password' of Secret 'db'; refusing to read key 'k' of Secret 'other' instead/],
  ])('fails synth on %s', (_what, name, secret, key, message) => {
    const d = new FlinkDeployment(Testing.chart(), 'd', deploymentProps({
      podTemplate: { spec: { containers: [{ name: 'flink-main-container', env: [{ name: 'REGION', value: 'x' }] }] } },
    }));
    d.addSecretEnv('DB_PASSWORD', 'db', 'password');
    d.addSecretEnv(name, secret, key);
    expect(appErrors(d)).toMatch(new RegExp(`^\\[test/d\\] ${message.source}$`));
  });
});
