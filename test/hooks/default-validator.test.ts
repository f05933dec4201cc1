import { DefaultValidator } from '../../src/hooks/default-validator';
import { applicationCluster, CHECKPOINT_DIR, EMPTY_OPERATOR_CONFIG, K8S_HA, SAVEPOINT_DIR, sessionCluster, sessionJob } from '../support/default-validator-resources';

// Port of the operator's DefaultValidatorTest (release-1.15.0) onto plain manifests.
// Each case starts from a copy of a valid resource, mutates it, and expects the
// first error (what the operator's webhook reports) or none.

const validator = new DefaultValidator();

/** Records `spec` as the last reconciled spec, as the operator serializes it into the status. */
function setLastReconciledSpec(resource: any, spec: any): void {
  resource.status = {
    ...resource.status,
    reconciliationStatus: {
      lastReconciledSpec: JSON.stringify({
        spec,
        resource_metadata: { apiVersion: 'flink.apache.org/v1beta1', firstDeployment: true },
      }),
    },
  };
}

const clone = (value: any): any => structuredClone(value);

type Mutation = (resource: any) => void;

function deploymentError(mutate: Mutation, context: any = EMPTY_OPERATOR_CONFIG): string | undefined {
  const deployment = applicationCluster();
  mutate(deployment);
  return validator.validateDeployment(deployment, context);
}

describe('DefaultValidator: FlinkDeployment without default configuration', () => {
  const cases: Array<[string, Mutation, string | undefined]> = [
    ['the test cluster is valid', () => {}, undefined],

    // metadata.name
    ['a name with dashes is valid', (d) => { d.metadata.name = 'session-cluster'; }, undefined],
    ['a name with dots is rejected', (d) => { d.metadata.name = 'session-cluster-1.13'; },
      'The FlinkDeployment name: session-cluster-1.13 is invalid, must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character (e.g. \'my-name\',  or \'abc-123\'), and the length must be no more than 45 characters.'],

    // job state, parallelism and replicas
    ['a suspended job is valid', (d) => { d.spec.job.state = 'suspended'; }, undefined],
    ['a running job is valid', (d) => { d.spec.job.state = 'running'; }, undefined],
    ['parallelism 0 is rejected', (d) => { d.spec.job.parallelism = 0; }, 'Job parallelism must be larger than 0'],
    ['0 TaskManager replicas are rejected', (d) => { d.spec.taskManager = { replicas: 0 }; },
      'TaskManager replicas must be larger than 0'],
    ['TaskManager replicas make parallelism optional', (d) => { d.spec.taskManager.replicas = 1; d.spec.job.parallelism = 0; },
      undefined],

    // checkpoint and savepoint directories per upgrade mode
    ['savepoint upgrades need a savepoint directory', (d) => {
      delete d.spec.flinkConfiguration[SAVEPOINT_DIR];
      d.spec.job.upgradeMode = 'savepoint';
    }, `Job could not be upgraded with savepoint while config key[${SAVEPOINT_DIR}] is not set`],
    ['savepoint upgrades need a checkpoint directory', (d) => {
      delete d.spec.flinkConfiguration[CHECKPOINT_DIR];
      d.spec.job.upgradeMode = 'savepoint';
    }, `Checkpoint directory[${CHECKPOINT_DIR}] must be defined for last-state and savepoint upgrade modes`],
    ['last-state upgrades need a checkpoint directory', (d) => {
      delete d.spec.flinkConfiguration[CHECKPOINT_DIR];
      d.spec.job.upgradeMode = 'last-state';
    }, `Checkpoint directory[${CHECKPOINT_DIR}] must be defined for last-state and savepoint upgrade modes`],
    ['stateless upgrades need no checkpoint directory', (d) => {
      delete d.spec.flinkConfiguration[CHECKPOINT_DIR];
      d.spec.job.upgradeMode = 'stateless';
    }, undefined],
    ['a manual savepoint needs a savepoint directory', (d) => {
      d.spec.flinkConfiguration = {};
      d.spec.job.savepointTriggerNonce = 1234567;
    }, `Savepoint could not be manually triggered for the running job while config key[${SAVEPOINT_DIR}] is not set`],
    ['periodic savepoints need a savepoint directory', (d) => {
      d.spec.flinkConfiguration = { 'kubernetes.operator.periodic.savepoint.interval': '1m' };
    }, `Periodic savepoints cannot be enabled when config key[${SAVEPOINT_DIR}] is not set`],
    ['the checkpoint max age needs a savepoint directory', (d) => {
      d.spec.flinkConfiguration = { 'kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age': '1m' };
    }, `In order to use max-checkpoint age functionality config key[${SAVEPOINT_DIR}] must be set to allow triggering savepoint upgrades.`],

    // configuration keys
    ['any other key is valid', (d) => { d.spec.flinkConfiguration = { random: 'config' }; }, undefined],
    ['the namespace key is forbidden', (d) => { d.spec.flinkConfiguration = { 'kubernetes.namespace': 'myns' }; },
      'Forbidden Flink config key: kubernetes.namespace'],
    ['the HA cluster id key is forbidden', (d) => { d.spec.flinkConfiguration = { 'high-availability.cluster-id': 'my-cluster-id' }; },
      'Forbidden Flink config key: high-availability.cluster-id'],
    ['the health check needs deployment recovery', (d) => {
      d.spec.flinkConfiguration = {
        'kubernetes.operator.cluster.health-check.enabled': 'true',
        'kubernetes.operator.jm-deployment-recovery.enabled': 'false',
      };
    }, 'Deployment recovery (kubernetes.operator.jm-deployment-recovery.enabled) must be enabled for job health check (kubernetes.operator.cluster.health-check.enabled) support.'],

    // log configuration and ingress
    ['a log4j console configuration is valid', (d) => { d.spec.logConfiguration = { 'log4j-console.properties': 'rootLogger.level = INFO' }; },
      undefined],
    ['an ingress needs a template', (d) => { d.spec.ingress = {}; }, 'Ingress template must be defined'],
    ['an ingress template must give a valid URL', (d) => { d.spec.ingress = { template: 'example.com:port' }; },
      'Unable to process the Ingress template(example.com:port). Error: Error at index 0 in: "port"'],
    ['an ingress template may use name and namespace', (d) => { d.spec.ingress = { template: 'example.com/{{namespace}}/{{name}}' }; },
      undefined],
    ['other log configuration files are rejected', (d) => { d.spec.logConfiguration = { random: 'config' }; },
      'Invalid log config key: random. Allowed keys are [log4j-console.properties, logback-console.xml]'],

    // high availability
    ['standby JobManagers need high availability', (d) => {
      d.spec.flinkConfiguration = {};
      d.spec.jobManager.replicas = 2;
    }, 'High availability should be enabled when starting standby JobManagers.'],
    ['rollbacks need high availability', (d) => { d.spec.flinkConfiguration = { 'kubernetes.operator.deployment.rollback.enabled': 'true' }; },
      'HA must be enabled for rollback support.'],
    ['0 JobManager replicas are rejected', (d) => { d.spec.jobManager.replicas = 0; },
      'JobManager replicas should not be configured less than one.'],

    // resources
    ['Flink memory units are valid', (d) => { d.spec.taskManager.resource.memory = '1G'; }, undefined],
    ['a plain byte count is valid', (d) => { d.spec.taskManager.resource.memory = '100'; }, undefined],
    ['Kubernetes quantities are valid for the JobManager', (d) => { d.spec.jobManager.resource.memory = '1Gi'; }, undefined],
    ['Kubernetes quantities are valid for the TaskManager', (d) => { d.spec.taskManager.resource.memory = '1Gi'; }, undefined],
    ['unparsable TaskManager memory is rejected', (d) => { d.spec.taskManager.resource.memory = 'invalid'; },
      'TaskManager resource memory parse error: Character I is neither a decimal digit number, decimal point, nor "e" notation exponential mark.'],
    ['unparsable JobManager memory is rejected', (d) => { d.spec.jobManager.resource.memory = 'invalid'; },
      'JobManager resource memory parse error: Character I is neither a decimal digit number, decimal point, nor "e" notation exponential mark.'],
    ['TaskManager memory must be defined', (d) => { delete d.spec.taskManager.resource.memory; },
      'TaskManager resource memory must be defined using `spec.taskManager.resource.memory` or `spec.taskManager.resources.requests.memory`'],
    ['JobManager memory must be defined', (d) => { delete d.spec.jobManager.resource.memory; },
      'JobManager resource memory must be defined using `spec.jobManager.resource.memory` or `spec.jobManager.resources.requests.memory`'],
    ['the task heap alone does not define TaskManager memory', (d) => {
      delete d.spec.taskManager.resource.memory;
      d.spec.flinkConfiguration = { 'taskmanager.memory.task.heap.size': '1024m' };
    }, 'TaskManager resource memory must be defined using `spec.taskManager.resource.memory` or `spec.taskManager.resources.requests.memory`'],
    ['the JVM heap defines JobManager memory', (d) => {
      delete d.spec.jobManager.resource.memory;
      d.spec.flinkConfiguration = { 'jobmanager.memory.heap.size': '2048m' };
    }, undefined],
    ['the total Flink memory defines TaskManager memory', (d) => {
      delete d.spec.taskManager.resource.memory;
      d.spec.flinkConfiguration = { 'taskmanager.memory.flink.size': '2048m' };
    }, undefined],
    ['task heap and managed memory define TaskManager memory', (d) => {
      delete d.spec.taskManager.resource.memory;
      d.spec.flinkConfiguration = { 'taskmanager.memory.task.heap.size': '1024m', 'taskmanager.memory.managed.size': '1024m' };
    }, undefined],

    // restoring from a savepoint after a suspend
    ['a savepoint upgrade after a suspend is valid', (d) => {
      const last = clone(d.spec);
      last.job.state = 'suspended';
      setLastReconciledSpec(d, last);
      d.status.jobStatus = { savepointInfo: { lastSavepoint: { location: 'sp', triggerType: 'UPGRADE' } } };
      d.spec.flinkConfiguration[SAVEPOINT_DIR] = 'file:///flink-data/savepoints';
      d.spec.job.upgradeMode = 'savepoint';
    }, undefined],

    // cluster type and deployment mode changes
    ['an application cluster cannot become a session cluster', (d) => {
      setLastReconciledSpec(d, clone(d.spec));
      delete d.spec.job;
    }, 'Cannot switch from job to session cluster'],
    ['a session cluster cannot become an application cluster', (d) => {
      const last = clone(d.spec);
      delete last.job;
      setLastReconciledSpec(d, last);
    }, 'Cannot switch from session to job cluster'],
    ['native cannot become standalone', (d) => {
      d.spec.mode = 'standalone';
      setLastReconciledSpec(d, { ...clone(d.spec), mode: 'native' });
    }, 'Cannot switch from native kubernetes to standalone kubernetes cluster'],
    ['the default mode (native) cannot become standalone', (d) => {
      d.spec.mode = 'standalone';
      const last = clone(d.spec);
      delete last.mode;
      setLastReconciledSpec(d, last);
    }, 'Cannot switch from native kubernetes to standalone kubernetes cluster'],
    ['standalone cannot become the default mode (native)', (d) => {
      delete d.spec.mode;
      setLastReconciledSpec(d, { ...clone(d.spec), mode: 'standalone' });
    }, 'Cannot switch from standalone kubernetes to native kubernetes cluster'],
    ['standalone cannot become native', (d) => {
      d.spec.mode = 'native';
      setLastReconciledSpec(d, { ...clone(d.spec), mode: 'standalone' });
    }, 'Cannot switch from standalone kubernetes to native kubernetes cluster'],

    // Flink version
    ['the Flink version must be set', (d) => { delete d.spec.flinkVersion; }, 'Flink Version must be defined.'],
    ['Flink 1.14 is not supported', (d) => { d.spec.flinkVersion = 'v1_14'; },
      'Flink version v1_14 is not supported by this operator version'],
    ['Flink 1.15 is deprecated but supported', (d) => { d.spec.flinkVersion = 'v1_15'; }, undefined],

    // service account
    ['the service account must be set', (d) => { delete d.spec.serviceAccount; },
      'spec.serviceAccount must be defined. If you use helm, its value should be the same with the name of jobServiceAccount.'],
    ['any service account name is valid', (d) => { d.spec.serviceAccount = 'flink'; }, undefined],
    ['last-state with Kubernetes HA is valid', (d) => {
      d.spec.job.upgradeMode = 'last-state';
      d.spec.flinkConfiguration['high-availability.type'] = 'kubernetes';
    }, undefined],

    // ephemeral storage
    ['unparsable JobManager ephemeral storage is rejected', (d) => { d.spec.jobManager.resource.ephemeralStorage = 'abc'; },
      'JobManager resource ephemeral storage parse error: Character a is neither a decimal digit number, decimal point, nor "e" notation exponential mark.'],
    ['unparsable TaskManager ephemeral storage is rejected', (d) => { d.spec.taskManager.resource.ephemeralStorage = 'abc'; },
      'TaskManager resource ephemeral storage parse error: Character a is neither a decimal digit number, decimal point, nor "e" notation exponential mark.'],
  ];

  test.each(cases)('%s', (_description, mutate, expected) => {
    expect(deploymentError(mutate)).toBe(expected);
  });
});

describe('DefaultValidator: FlinkDeployment with default configuration', () => {
  test('HA and a checkpoint directory from the operator defaults allow last-state upgrades', () => {
    const context = { operatorConfiguration: { 'high-availability.type': K8S_HA, [CHECKPOINT_DIR]: 'cpdir' } };
    expect(deploymentError((d) => {
      d.spec.flinkConfiguration = {};
      d.spec.job.upgradeMode = 'last-state';
    }, context)).toBeUndefined();
  });
});

describe('DefaultValidator: savepoint redeployment', () => {
  const redeploy = (lastNonce: number | undefined, nonce: number | undefined, path: string | undefined): Mutation => (d) => {
    const last = clone(d.spec);
    if (lastNonce !== undefined) {
      last.job.savepointRedeployNonce = lastNonce;
      last.job.initialSavepointPath = 's';
    }
    setLastReconciledSpec(d, last);
    if (nonce !== undefined) {
      d.spec.job.savepointRedeployNonce = nonce;
    }
    if (path !== undefined) {
      d.spec.job.initialSavepointPath = path;
    }
  };
  const MESSAGE = 'InitialSavepointPath must not be empty for savepoint redeployment';

  test.each<[string, Mutation, string | undefined]>([
    ['a first redeploy nonce with a path is valid', redeploy(undefined, 1, 's'), undefined],
    ['removing the nonce keeps the path valid', redeploy(1, undefined, 's'), undefined],
    ['removing the nonce and the path is valid', redeploy(1, undefined, undefined), undefined],
    ['a new nonce with a path is valid', redeploy(1, 2, 's'), undefined],
    ['a first nonce needs a path', redeploy(undefined, 1, undefined), MESSAGE],
    ['a first nonce needs a non-blank path', redeploy(undefined, 1, ' '), MESSAGE],
    ['a new nonce needs a path', redeploy(1, 2, undefined), MESSAGE],
  ])('%s', (_description, mutate, expected) => {
    expect(deploymentError(mutate)).toBe(expected);
  });
});

describe('DefaultValidator: Flink version changes after a suspend', () => {
  const VERSION_CHANGE = 'Changing flinkVersion after last-state suspend is not allowed. Restore your cluster with the current flinkVersion and perform the version upgrade afterwards.';
  const UPGRADE_MODES = ['savepoint', 'last-state', 'stateless'];

  const versionChange = (fromMode: string, toMode: string, fromState: string): Mutation => (d) => {
    d.spec.flinkVersion = 'v1_20';
    d.spec.job.upgradeMode = toMode;
    const suspended = clone(d.spec);
    suspended.job.upgradeMode = fromMode;
    suspended.job.state = fromState;
    suspended.flinkVersion = 'v1_18';
    setLastReconciledSpec(d, suspended);
  };

  const cases: Array<[string, string, string, string | undefined]> = [];
  for (const to of UPGRADE_MODES) {
    cases.push(['last-state', to, 'suspended', to === 'stateless' ? undefined : VERSION_CHANGE]);
    for (const from of UPGRADE_MODES) {
      cases.push([from, to, 'running', undefined]);
    }
    cases.push(['savepoint', to, 'suspended', undefined]);
    cases.push(['stateless', to, 'suspended', undefined]);
  }

  test.each(cases)('from %s to %s after %s', (from, to, state, expected) => {
    expect(deploymentError(versionChange(from, to, state))).toBe(expected);
  });
});

describe('DefaultValidator: session job jarURI', () => {
  const withOperatorConfig = (operatorConfiguration: Record<string, string>) => ({ operatorConfiguration });
  const jarError = (jarURI: string | undefined, context: any = EMPTY_OPERATOR_CONFIG): string | undefined => {
    const job = sessionJob();
    if (jarURI === undefined) {
      delete job.spec.job.jarURI;
    } else {
      job.spec.job.jarURI = jarURI;
    }
    return validator.validateSessionJob(job, undefined, context);
  };
  const notAllowed = (scheme: string, allowlist = '[https]') =>
    `jarURI scheme '${scheme}' is not in the allowlist ${allowlist}. Configure 'kubernetes.operator.user.artifacts.allowed-schemes' to extend the allowlist.`;
  const restricted = (host: string) => `jarURI host '${host}' resolves to a restricted address`;
  const ALLOW_S3 = withOperatorConfig({ 'kubernetes.operator.user.artifacts.allowed-schemes': 'https;s3' });

  test.each<[string, string | undefined, any, string | undefined]>([
    ['an https URI is allowed', 'https://example.com/path/to/job.jar', EMPTY_OPERATOR_CONFIG, undefined],
    ['a job without jarURI is allowed', undefined, EMPTY_OPERATOR_CONFIG, undefined],
    ['http is not allowed by default', 'http://example.com/job.jar', EMPTY_OPERATOR_CONFIG, notAllowed('http')],
    ['file is not allowed by default', 'file:///var/run/secrets/kubernetes.io/serviceaccount/token', EMPTY_OPERATOR_CONFIG, notAllowed('file')],
    ['s3 is not allowed by default', 's3://my-bucket/job.jar', EMPTY_OPERATOR_CONFIG, notAllowed('s3')],
    ['local is not allowed by default', 'local:///tmp/sample.jar', EMPTY_OPERATOR_CONFIG, notAllowed('local')],
    ['a scheme is required', '/no/scheme/job.jar', EMPTY_OPERATOR_CONFIG, 'jarURI must include a scheme'],
    ['a malformed URI is rejected', 'ht tp://bad uri', EMPTY_OPERATOR_CONFIG,
      'jarURI is not a valid URI: Illegal character in scheme name at index 2: ht tp://bad uri'],
    ['the allowlist can be extended, case-insensitively', 'S3://my-bucket/job.jar',
      withOperatorConfig({ 'kubernetes.operator.user.artifacts.allowed-schemes': 'https;s3' }), undefined],
    ['cloud metadata addresses are restricted', 'https://169.254.169.254/latest/meta-data/iam/security-credentials/',
      EMPTY_OPERATOR_CONFIG, restricted('169.254.169.254')],
    ['loopback addresses are restricted', 'https://127.0.0.1/job.jar', EMPTY_OPERATOR_CONFIG, restricted('127.0.0.1')],
    ['localhost is restricted', 'https://localhost/job.jar', EMPTY_OPERATOR_CONFIG, restricted('localhost')],
    ['10/8 addresses are restricted', 'https://10.0.0.1/job.jar', EMPTY_OPERATOR_CONFIG, restricted('10.0.0.1')],
    ['192.168/16 addresses are restricted', 'https://192.168.1.1/job.jar', EMPTY_OPERATOR_CONFIG, restricted('192.168.1.1')],
    ['restricted hosts can be allowed', 'https://127.0.0.1/job.jar',
      withOperatorConfig({ 'kubernetes.operator.user.artifacts.disallow-restricted-hosts': 'false' }), undefined],
    ['the operator allowlist admits s3', 's3://my-bucket/job.jar', ALLOW_S3, undefined],
    ['the operator allowlist still rejects file', 'file:///etc/passwd', ALLOW_S3, notAllowed('file', '[s3, https]')],
  ])('%s', (_description, jarURI, context, expected) => {
    expect(jarError(jarURI, context)).toBe(expected);
  });

  test('the resource cannot extend the allowlist', () => {
    const job = sessionJob();
    job.spec.flinkConfiguration = { 'kubernetes.operator.user.artifacts.allowed-schemes': 'https;file' };
    job.spec.job.jarURI = 'file:///etc/passwd';
    expect(validator.validateSessionJob(job, undefined, ALLOW_S3)).toBe(notAllowed('file', '[s3, https]'));
  });

  test('the upstream defaults also reject link-local hosts', () => {
    const job = sessionJob();
    job.spec.job.jarURI = 'https://169.254.169.254/job.jar';
    expect(validator.validateSessionJob(job, undefined, {})).toBe(restricted('169.254.169.254'));
  });
});

describe('DefaultValidator: session jobs with their session cluster', () => {
  const cases: Array<[string, Mutation, Mutation, string | undefined]> = [
    ['the test session job is valid', () => {}, () => {}, undefined],
    ['the cluster must be the one named', (j) => { j.spec.deploymentName = 'not-match'; }, () => {},
      'The session job\'s cluster id is not match with the session cluster'],
    ['the cluster must be a session cluster', () => {}, (d) => { d.spec.job = {}; },
      'Can not submit session job to application cluster'],
    ['last-state uses the cluster\'s checkpoint directory', (j) => { j.spec.job.upgradeMode = 'last-state'; }, () => {}, undefined],
    ['artifact HTTP headers are valid', (j) => {
      j.spec.flinkConfiguration = { 'kubernetes.operator.user.artifacts.http.header': 'headerKey1:headerValue1,headerKey2:headerValue2' };
    }, () => {}, undefined],
    ['periodic savepoints use the cluster\'s savepoint directory', (j) => {
      j.spec.flinkConfiguration = { 'kubernetes.operator.periodic.savepoint.interval': '1m' };
    }, () => {}, undefined],
    ['the deployment name cannot change', (j) => {
      setLastReconciledSpec(j, clone(j.spec));
      j.spec.deploymentName = 'new-deployment-name';
    }, () => {}, 'The deploymentName can\'t be changed'],
    ['the job\'s own directories serve a savepoint upgrade', (j) => {
      j.spec.job.upgradeMode = 'savepoint';
      j.spec.flinkConfiguration = { [SAVEPOINT_DIR]: 'test-savepoint-dir', [CHECKPOINT_DIR]: 'test-checkpoint-dir' };
    }, (d) => { d.spec.flinkConfiguration = {}; }, undefined],
  ];

  test.each(cases)('%s', (_description, mutateJob, mutateCluster, expected) => {
    const job = sessionJob();
    const cluster = sessionCluster();
    mutateCluster(cluster);
    mutateJob(job);
    expect(validator.validateSessionJob(job, cluster, EMPTY_OPERATOR_CONFIG)).toBe(expected);
  });

  test('the test session job is valid without its cluster', () => {
    expect(validator.validateSessionJob(sessionJob(), undefined, EMPTY_OPERATOR_CONFIG)).toBeUndefined();
  });
});

describe('DefaultValidator: autoscaler options', () => {
  const ENABLED = 'job.autoscaler.enabled';
  const SCALE_UP = 'job.autoscaler.scale-up.max-factor';
  const SCALE_DOWN = 'job.autoscaler.scale-down.max-factor';
  const TARGET = 'job.autoscaler.utilization.target';
  const MAX = 'job.autoscaler.utilization.max';
  const MIN = 'job.autoscaler.utilization.min';
  const COEFFICIENT_MIN = 'job.autoscaler.observed-scalability.coefficient-min';
  const EXCLUDED_PERIODS = 'job.autoscaler.excluded.periods';

  /** The autoscaler configuration of the upstream tests (1.16; 1.15 put its 0.1 under the detection flag by mistake). */
  const autoscalerConfiguration = (): Record<string, string> => ({
    [ENABLED]: 'true',
    [SCALE_UP]: '100000.0',
    [SCALE_DOWN]: '0.6',
    'job.autoscaler.scaling.effectiveness.threshold': '0.1',
    [TARGET]: '0.7',
    [MAX]: '1.0',
    [MIN]: '0.3',
  });
  const outOfRange = (key: string, min: string, max = '+Infinity') =>
    `The AutoScalerOption ${key} is invalid, it should be a value within the range [${min}, ${max}]`;
  const GARBAGE = { [SCALE_DOWN]: '-1.6', [SCALE_UP]: '-1.6', [TARGET]: '-1.6', [MAX]: '-1.6', [MIN]: '-1.6' };

  const deploymentResult = (overrides: Record<string, string | undefined>) => {
    const deployment = applicationCluster();
    deployment.spec.flinkConfiguration = { ...autoscalerConfiguration(), ...overrides };
    Object.keys(overrides).filter((k) => overrides[k] === undefined).forEach((k) => delete deployment.spec.flinkConfiguration[k]);
    return validator.validateDeployment(deployment, EMPTY_OPERATOR_CONFIG);
  };
  const sessionJobResult = (overrides: Record<string, string | undefined>) => {
    const cluster = sessionCluster();
    cluster.spec.flinkConfiguration = { ...autoscalerConfiguration(), ...overrides };
    return validator.validateSessionJob(sessionJob(), cluster, EMPTY_OPERATOR_CONFIG);
  };

  const cases: Array<[string, Record<string, string | undefined>, string | undefined]> = [
    ['the test configuration is valid', {}, undefined],
    ['a negative scale-down factor', { [SCALE_DOWN]: '-0.1' }, outOfRange(SCALE_DOWN, '0.0')],
    ['a negative scale-up factor', { [SCALE_UP]: '-0.1' }, outOfRange(SCALE_UP, '0.0')],
    ['a negative utilization target', { [TARGET]: '-0.6' }, outOfRange(TARGET, '0.0', '1.0')],
    ['a utilization max below the target', { [MAX]: '-0.6' }, outOfRange(MAX, '0.7', '1.0')],
    ['a negative utilization min', { [MIN]: '-0.6' }, outOfRange(MIN, '0.0', '0.7')],
    ['an inverted daily excluded period', { [EXCLUDED_PERIODS]: '12:00-10:00' },
      `Invalid value 12:00-10:00 in the autoscaler config ${EXCLUDED_PERIODS}, the value is neither a valid daily expression nor a valid cron expression`],
    ['nothing is checked when the autoscaler is disabled', { ...GARBAGE, [ENABLED]: 'false' }, undefined],
    ['a max below the target', { [MIN]: '0.3', [TARGET]: '0.5', [MAX]: '0.4' }, outOfRange(MAX, '0.5', '1.0')],
    ['a min above the default target', { [MIN]: '0.8' }, outOfRange(MIN, '0.0', '0.7')],
    ['a target above 1', { [TARGET]: '1.5' }, outOfRange(TARGET, '0.0', '1.0')],
    ['consistent utilization bounds', { [MIN]: '0.2', [TARGET]: '0.5', [MAX]: '0.6' }, undefined],
    ['a max below the default target', { [MAX]: '0.6' }, outOfRange(MAX, '0.7', '1.0')],
  ];

  test.each(cases)('deployment: %s', (_description, overrides, expected) => {
    expect(deploymentResult(overrides)).toBe(expected);
  });

  test.each(cases)('session job: %s', (_description, overrides, expected) => {
    expect(sessionJobResult(overrides)).toBe(expected);
  });

  test.each<[string, Record<string, string | undefined>, string | undefined]>([
    ['nothing is checked when the autoscaler is not enabled', { ...GARBAGE, [ENABLED]: undefined }, undefined],
    ['a scalability coefficient min above 1 with observed scalability on', { [COEFFICIENT_MIN]: '1.2', 'job.autoscaler.observed-scalability.enabled': 'true' },
      outOfRange(COEFFICIENT_MIN, '0.01', '1.0')],
  ])('deployment: %s', (_description, overrides, expected) => {
    expect(deploymentResult(overrides)).toBe(expected);
  });
});

describe('DefaultValidator: first message and all messages', () => {
  test('validateDeployment returns the first of deploymentErrors', () => {
    const deployment = applicationCluster();
    deployment.metadata.name = 'Bad_Name';
    delete deployment.spec.serviceAccount;
    deployment.spec.taskManager = { replicas: 0 };
    const errors = validator.deploymentErrors(deployment, EMPTY_OPERATOR_CONFIG);
    expect(errors).toEqual([
      expect.stringMatching(/^The FlinkDeployment name: Bad_Name is invalid/),
      'TaskManager replicas must be larger than 0',
      'TaskManager resource memory must be defined using `spec.taskManager.resource.memory` or `spec.taskManager.resources.requests.memory`',
      'TaskManager replicas should not be configured less than one.',
      'spec.serviceAccount must be defined. If you use helm, its value should be the same with the name of jobServiceAccount.',
    ]);
    expect(validator.validateDeployment(deployment, EMPTY_OPERATOR_CONFIG)).toBe(errors[0]);
  });

  test('validateSessionJob returns the first of sessionJobErrors', () => {
    const job = sessionJob();
    job.spec.deploymentName = 'Other';
    job.spec.job.jarURI = 'http://example.com/job.jar';
    const cluster = sessionCluster();
    cluster.spec.job = {};
    const errors = validator.sessionJobErrors(job, cluster, EMPTY_OPERATOR_CONFIG);
    expect(errors).toEqual([
      expect.stringMatching(/^The FlinkDeployment name: Other is invalid/),
      expect.stringMatching(/^jarURI scheme 'http' is not in the allowlist/),
      'Can not submit session job to application cluster',
      'The session job\'s cluster id is not match with the session cluster',
    ]);
    expect(validator.validateSessionJob(job, cluster, EMPTY_OPERATOR_CONFIG)).toBe(errors[0]);
  });

  test('a valid resource has no messages', () => {
    expect(validator.deploymentErrors(applicationCluster(), EMPTY_OPERATOR_CONFIG)).toEqual([]);
    expect(validator.sessionJobErrors(sessionJob(), sessionCluster(), EMPTY_OPERATOR_CONFIG)).toEqual([]);
  });
});
