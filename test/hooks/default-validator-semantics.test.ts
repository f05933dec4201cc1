import { DefaultValidator } from '../../src/hooks/default-validator';
import { flinkManifest } from '../support/manifests';

// The operator's parsing semantics behind the checks: Flink memory sizes and
// Kubernetes quantities, Flink's memory model, URL and URI parsing, Quartz
// excluded periods, Flink option fallbacks, and the restricted-host rules.

const validator = new DefaultValidator();
const CONTEXT = { operatorConfiguration: {} };

function deployment(): any {
  return flinkManifest('FlinkDeployment', { name: 'semantics', namespace: 'flink' }, {
    flinkVersion: 'v1_20',
    serviceAccount: 'flink',
    flinkConfiguration: {},
    jobManager: { resource: { cpu: 1, memory: '2g' } },
    taskManager: { resource: { cpu: 1, memory: '2g' } },
    job: { jarURI: 'local:///opt/job.jar', parallelism: 1 },
  });
}

function errorsWith(mutate: (d: any) => void): string[] {
  const d = deployment();
  mutate(d);
  return validator.deploymentErrors(d, CONTEXT);
}

const UNITS = '(b | bytes) / (k | kb | kibibytes) / (m | mb | mebibytes) / (g | gb | gibibytes) / (t | tb | tebibytes)';
const NOT_A_DIGIT = (c: string) => `Character ${c} is neither a decimal digit number, decimal point, nor "e" notation exponential mark.`;

describe('resource memory: Flink units first, then Kubernetes quantities', () => {
  test.each<[string, string | undefined]>([
    ['2048m', undefined],
    ['2g', undefined],
    ['1024 mb', undefined],
    ['1073741824', undefined],
    ['1Gi', undefined],
    ['512KiB', undefined],
    ['1e9', undefined],
    ['3T', undefined],
    ['1.5Gi', `Memory size unit '.0' does not match any of the recognized units: ${UNITS}`],
    ['0.5G', `Memory size unit '.0' does not match any of the recognized units: ${UNITS}`],
    ['1Ei', `Memory size unit '.152921504606847e+18' does not match any of the recognized units: ${UNITS}`],
    ['1e-3', `Memory size unit '.001' does not match any of the recognized units: ${UNITS}`],
    ['-1Gi', 'text does not start with a number'],
    ['9999999999999t', 'The value \'9999999999999000000000000\' cannot be re represented as 64bit number (numeric overflow).'],
    ['', 'Invalid quantity string format passed.'],
    ['Gi', 'null'],
    ['1.2.3', 'Character array contains more than one decimal point.'],
    ['lots', NOT_A_DIGIT('L')],
  ])('%p', (memory, error) => {
    const errors = errorsWith((d) => { d.spec.taskManager.resource.memory = memory; });
    const parseError = errors.find((e) => e.startsWith('TaskManager resource memory parse error: '));
    expect(parseError?.substring('TaskManager resource memory parse error: '.length)).toBe(error);
  });
});

describe('ephemeral storage: Kubernetes quantities', () => {
  test.each<[string, string | undefined]>([
    ['1Gi', undefined],
    ['2G', undefined],
    ['1.5Gi', undefined],
    ['500m', undefined],
    ['1e3', undefined],
    ['1e', 'Invalid quantity format passed to parse'],
    ['1Kb', 'Invalid quantity format passed to parse'],
    ['1e3x', 'Invalid quantity string format passed'],
    ['1e3.5', 'For input string: "3.5"'],
    [' 2G', NOT_A_DIGIT(' ')],
    ['abc', NOT_A_DIGIT('a')],
    ['-Gi', 'No digits found.'],
    ['1..5', 'Character array contains more than one decimal point.'],
    ['12345678901234567890x', 'Character array is missing "e" notation exponential mark.'],
  ])('%p', (storage, error) => {
    const errors = errorsWith((d) => { d.spec.jobManager.resource.ephemeralStorage = storage; });
    expect(errors).toEqual(error === undefined ? [] : [`JobManager resource ephemeral storage parse error: ${error}`]);
  });

  test('memory and storage errors share one message', () => {
    expect(errorsWith((d) => { d.spec.jobManager.resource = { memory: 'x', ephemeralStorage: 'y' }; })).toEqual([
      `JobManager resource memory parse error: ${NOT_A_DIGIT('X')}JobManager resource ephemeral storage parse error: ${NOT_A_DIGIT('y')}`,
    ]);
  });
});

describe('process memory from the Flink configuration', () => {
  const JM = 'JobManager resource memory must be defined using `spec.jobManager.resource.memory` or `spec.jobManager.resources.requests.memory`';
  const TM = 'TaskManager resource memory must be defined using `spec.taskManager.resource.memory` or `spec.taskManager.resources.requests.memory`';

  // [description, configuration, JobManager memory derivable, TaskManager memory derivable]
  test.each<[string, Record<string, string>, boolean, boolean]>([
    ['nothing', {}, false, false],
    ['a JobManager process size', { 'jobmanager.memory.process.size': '1024m' }, true, false],
    ['a JobManager process too small for its off-heap memory', { 'jobmanager.memory.process.size': '512m' }, false, false],
    ['the legacy JobManager heap', { 'jobmanager.heap.size': '1g' }, true, false],
    ['the legacy JobManager heap in MB', { 'jobmanager.heap.mb': '1024' }, true, false],
    ['a JVM heap above the total Flink memory', { 'jobmanager.memory.heap.size': '1g', 'jobmanager.memory.flink.size': '512m' }, false, false],
    ['an unreadable JobManager size', { 'jobmanager.memory.flink.size': 'much' }, false, false],
    ['a TaskManager process size', { 'taskmanager.memory.process.size': '1728m' }, false, true],
    ['a TaskManager total too small for framework and managed memory', { 'taskmanager.memory.flink.size': '256m' }, false, false],
    ['an overhead fraction out of range', { 'taskmanager.memory.process.size': '1728m', 'taskmanager.memory.jvm-overhead.fraction': '1.5' }, false, false],
    ['legacy network buffers', {
      'taskmanager.memory.task.heap.size': '512m',
      'taskmanager.memory.managed.size': '256m',
      'taskmanager.network.numberOfBuffers': '4096',
    }, false, true],
    ['legacy network buffers with an invalid segment size', {
      'taskmanager.memory.task.heap.size': '512m',
      'taskmanager.memory.managed.size': '256m',
      'taskmanager.network.numberOfBuffers': '4096',
      'taskmanager.memory.segment-size': '1000',
    }, false, false],
    ['a total Flink memory whose network share leaves the configured range', {
      'taskmanager.memory.flink.size': '2g',
      'taskmanager.memory.task.heap.size': '512m',
      'taskmanager.memory.network.max': '64m',
    }, false, false],
    ['zero CPU cores', { 'taskmanager.memory.process.size': '1728m', 'taskmanager.cpu.cores': '0' }, false, false],
    ['both processes sized', { 'jobmanager.memory.process.size': '1600m', 'taskmanager.memory.process.size': '1728m' }, true, true],
  ])('%s', (_description, configuration, jobManager, taskManager) => {
    const errors = errorsWith((d) => {
      d.spec.flinkConfiguration = configuration;
      delete d.spec.jobManager.resource.memory;
      delete d.spec.taskManager.resource.memory;
    }).filter((e) => e === JM || e === TM);
    expect(errors).toEqual([...(jobManager ? [] : [JM]), ...(taskManager ? [] : [TM])]);
  });
});

describe('Flink option semantics', () => {
  const HA = 'High availability should be enabled when starting standby JobManagers.';
  test.each<[string, Record<string, string>, string[]]>([
    ['the deprecated HA key counts', { 'high-availability': 'zookeeper' }, []],
    ['a factory class counts as HA', { 'high-availability.type': 'com.example.MyHaFactory' }, []],
    ['NONE is no HA', { 'high-availability.type': 'NONE' }, [HA]],
    ['none is no HA', { 'high-availability.type': 'none' }, [HA]],
    ['standalone is no HA', { 'high-availability.type': 'standalone' }, [HA]],
  ])('%s', (_description, configuration, expected) => {
    expect(errorsWith((d) => { d.spec.flinkConfiguration = configuration; d.spec.jobManager.replicas = 2; })).toEqual(expected);
  });

  const CHECKPOINTS = 'Checkpoint directory[execution.checkpointing.dir] must be defined for last-state and savepoint upgrade modes';
  test.each<[string, Record<string, string>, string[]]>([
    ['the deprecated checkpoint key counts', { 'state.checkpoints.dir': 'file:///c' }, []],
    ['the oldest checkpoint key counts', { 'state.backend.fs.checkpointdir': 'file:///c' }, []],
    ['a blank directory does not count', { 'execution.checkpointing.dir': ' 	' }, [CHECKPOINTS]],
  ])('%s', (_description, configuration, expected) => {
    expect(errorsWith((d) => { d.spec.flinkConfiguration = configuration; d.spec.job.upgradeMode = 'last-state'; })).toEqual(expected);
  });

  const MAX_AGE = 'kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age';
  test.each<[string, string, string[]]>([
    ['a duration', '1 d', ['In order to use max-checkpoint age functionality config key[execution.checkpointing.savepoint-dir] must be set to allow triggering savepoint upgrades.']],
    ['a duration in milliseconds', '1000', ['In order to use max-checkpoint age functionality config key[execution.checkpointing.savepoint-dir] must be set to allow triggering savepoint upgrades.']],
    ['not a duration', 'soon', [`Could not parse value 'soon' for key '${MAX_AGE}'.`]],
    ['an unknown unit', '5 fortnights', [`Could not parse value '5 fortnights' for key '${MAX_AGE}'.`]],
  ])('max checkpoint age: %s', (_description, value, expected) => {
    expect(errorsWith((d) => { d.spec.flinkConfiguration = { [MAX_AGE]: value }; })).toEqual(expected);
  });
});

describe('Flink versions', () => {
  test.each<[string, string[]]>([
    ['v1_15', []], ['v1_18', []], ['v2_2', []], ['v2_3', []], ['v2_4', []],
    ['v1_13', ['Flink version v1_13 is not supported by this operator version']],
    ['v3_0', ['Flink version v3_0 is not supported by this operator version']],
    ['1.20', ['Flink version 1.20 is not supported by this operator version']],
  ])('%s', (version, expected) => {
    expect(errorsWith((d) => { d.spec.flinkVersion = version; })).toEqual(expected);
  });
});

describe('ingress templates parse as java.net.URL', () => {
  const unable = (template: string, error: string) => `Unable to process the Ingress template(${template}). Error: ${error}`;
  test.each<[string, string[]]>([
    ['{{name}}.{{namespace}}.flink.k8s.io', []],
    ['/{{namespace}}/{{name}}(/|$)(.*)', []],
    ['HTTPS://{{NAME}}.example.com', []],
    ['example.com:8080/{{name}}', []],
    ['example.com:-1', []],
    ['[::1]:8081/x', []],
    ['example.com:-5', [unable('example.com:-5', 'Invalid port number :-5')]],
    ['example.com:80x', [unable('example.com:80x', 'Error at index 2 in: "80x"')]],
    ['[::1', [unable('[::1', 'Invalid authority field: [::1')]],
    ['[zz::1]/x', [unable('[zz::1]/x', 'Invalid host: [zz::1]')]],
    ['[::1]x', [unable('[::1]x', 'Invalid authority field: [::1]x')]],
    ['exa	mple.com', [unable('exa	mple.com', 'Illegal character found in host: control char (code=9)')]],
  ])('%p', (template, expected) => {
    expect(errorsWith((d) => { d.spec.ingress = { template }; })).toEqual(expected);
  });
});

describe('autoscaler excluded periods (Quartz)', () => {
  const KEY = 'job.autoscaler.excluded.periods';
  const neither = (value: string) => `Invalid value ${value} in the autoscaler config ${KEY}, the value is neither a valid daily expression nor a valid cron expression`;
  test.each<[string, string[]]>([
    ['9:00-17:00', []],
    ['9:30:30-10:50:20', []],
    ['* * 9-11,14-16 * * ?', []],
    ['0 0 12 ? * MON-FRI', []],
    ['0 0 12 L * ?', []],
    ['0 0 12 ? * 6L', []],
    ['0 0 12 ? * 6#3', []],
    ['0/15 * * * * ?', []],
    ['0 0 12 * JAN-MAR ? 2030', []],
    ['9:00-17:00 && * * * ? * 2-6', []],
    ['9:00-17:00;* * * ? * 1', []],
    ['0 0 12 L-3 * ?', []],
    ['0 0 12 LW * ?', []],
    ['0 0 12 15W * ?', []],
    ['0 0/5 * * * ?', []],
    ['0 0 12 1-5/2 * ?', []],
    ['0 0 12 ? * MON#2', []],
    ['17:00-9:00', [neither('17:00-9:00')]],
    ['9:00 - 17:00', [neither('9:00 - 17:00')]],
    ['* * * * * *', [neither('* * * * * *')]],
    ['0 0 25 * * ?', [neither('0 0 25 * * ?')]],
    ['0 0 12 * FOO ?', [neither('0 0 12 * FOO ?')]],
    ['0 0 12 ? * 6#6', [neither('0 0 12 ? * 6#6')]],
    ['* * * ?', [neither('* * * ?')]],
    ['0 0 12 ? * 8', [neither('0 0 12 ? * 8')]],
    ['0 0 12 5L * ?', [neither('0 0 12 5L * ?')]],
    ['0 0 12 L,5 * ?', [neither('0 0 12 L,5 * ?')]],
    ['0 0 12 * * ? 2030-2020', [neither('0 0 12 * * ? 2030-2020')]],
    ['0 */70 * * * ?', [neither('0 */70 * * * ?')]],
    ['0 0 12 L-31 * ?', [neither('0 0 12 L-31 * ?')]],
    ['9:00-17:00;bad', [neither('bad')]],
    ['9:00-10:00 && 11:00-12:00', [`Invalid value 9:00-10:00 && 11:00-12:00 in the autoscaler config ${KEY}, the value can not be configured as dailyExpression && dailyExpression or cronExpression && cronExpression`]],
    ['a&&b&&c', [`Invalid value a&&b&&c in the autoscaler config ${KEY}`]],
    ["'unclosed", [`Could not parse value ''unclosed' for key '${KEY}'.`]],
  ])('%p', (periods, expected) => {
    expect(errorsWith((d) => { d.spec.flinkConfiguration = { 'job.autoscaler.enabled': 'true', [KEY]: periods }; })).toEqual(expected);
  });

  test('bounds are printed as Java doubles', () => {
    expect(errorsWith((d) => {
      d.spec.flinkConfiguration = { 'job.autoscaler.enabled': 'TRUE', 'job.autoscaler.utilization.target': '1e-4', 'job.autoscaler.utilization.min': '0.5' };
    })).toEqual(['The AutoScalerOption job.autoscaler.utilization.min is invalid, it should be a value within the range [0.0, 1.0E-4]']);
  });

  test('the old operator-prefixed keys still count', () => {
    expect(errorsWith((d) => {
      d.spec.flinkConfiguration = { 'kubernetes.operator.job.autoscaler.enabled': 'true', 'kubernetes.operator.job.autoscaler.scale-down.max-factor': 'lots' };
    })).toEqual(['Invalid value in the autoscaler config job.autoscaler.scale-down.max-factor']);
  });
});

describe('session job jarURI hosts, without DNS', () => {
  const check = (jarURI: string) => validator.validateSessionJob(
    flinkManifest('FlinkSessionJob', { name: 'j', namespace: 'flink' }, { deploymentName: 'c', job: { jarURI } }), undefined, {});
  const restricted = (host: string) => `jarURI host '${host}' resolves to a restricted address`;
  test.each<[string, string | undefined]>([
    ['https://repo1.maven.org/maven2/x.jar', undefined],
    ['https://172.32.0.1/x.jar', undefined],
    ['https://[2001:db8::1]/x.jar', undefined],
    ['https://172.16.0.1/x.jar', restricted('172.16.0.1')],
    ['https://224.0.0.1/x.jar', restricted('224.0.0.1')],
    ['https://0.0.0.0/x.jar', restricted('0.0.0.0')],
    ['https://2130706433/x.jar', restricted('2130706433')],
    ['https://LOCALHOST:8443/x.jar', restricted('LOCALHOST')],
    ['https://[::1]/x.jar', restricted('[::1]')],
    ['https://[fe80::1%25eth0]/x.jar', restricted('[fe80::1%25eth0]')],
    ['https://[::ffff:127.0.0.1]/x.jar', restricted('[::ffff:127.0.0.1]')],
    ['https://0x7f000001/x.jar', "jarURI host '0x7f000001' cannot be resolved"],
    ['https://my_host/x.jar', 'jarURI must include a host for http/https schemes'],
    ['https:///x.jar', 'jarURI must include a host for http/https schemes'],
    ['https://a%zz/x.jar', 'jarURI is not a valid URI: Malformed escape pair at index 9: https://a%zz/x.jar'],
    ['https://[::1/x.jar', 'jarURI is not a valid URI: Expected closing bracket for IPv6 address at index 12: https://[::1/x.jar'],
    ['https:', 'jarURI is not a valid URI: Expected scheme-specific part at index 6: https:'],
    ['https://user:pw@repo.example.com:8443/x.jar', undefined],
    ['https://[::1]:8443/x.jar', restricted('[::1]')],
    ['https://[::1%eth0]/x.jar', restricted('[::1%eth0]')],
    ['https://[1::2::3]/x.jar', 'jarURI is not a valid URI: Expected hex digits or IPv4 address at index 14: https://[1::2::3]/x.jar'],
    ['https://example.com:80:90/x.jar', 'jarURI must include a host for http/https schemes'],
  ])('%p', (jarURI, expected) => {
    expect(check(jarURI)).toBe(expected);
  });
});

describe('canaries', () => {
  test('resources labelled as canaries are not validated', () => {
    const canary = { apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkDeployment', metadata: { name: 'canary', labels: { 'flink.apache.org/canary': 'TRUE' } } };
    expect(validator.deploymentErrors(canary)).toEqual([]);
    expect(validator.sessionJobErrors(canary)).toEqual([]);
    expect(validator.deploymentErrors({ ...canary, metadata: { name: 'canary', labels: { 'flink.apache.org/canary': 'false' } } }, CONTEXT))
      .toContain('Flink Version must be defined.');
  });
});
