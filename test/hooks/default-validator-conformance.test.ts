import { DefaultValidator } from '../../src/hooks/default-validator';
import { hostVerdict } from '../../src/hooks/default-validator/_jar-uri';
import { decimalToString, JavaNumberFormatError, parseJavaBigDecimal } from '../../src/jvm/_big-decimal';
import { isQuartzCronExpression } from '../../src/jvm/_quartz';
import { flinkManifest } from '../support/manifests';

// Regressions found by comparing the library with the operator's own classes
// (npm run test:conformance). Each expectation is what the operator answered.

const validator = new DefaultValidator();

function deployment(): any {
  return flinkManifest('FlinkDeployment', { name: 'basic', namespace: 'default' }, {
    flinkVersion: 'v1_20',
    serviceAccount: 'flink',
    flinkConfiguration: {},
    jobManager: { resource: { memory: '2048m', cpu: 1 } },
    taskManager: { resource: { memory: '2048m', cpu: 1 } },
  });
}

describe('a configuration value that does not parse fails validation before earlier messages', () => {
  // Upstream evaluates every check before picking the first message, so the
  // exception of a later check is what the webhook reports.
  test('an unparsable boolean after a missing flinkVersion', () => {
    const d = deployment();
    delete d.spec.flinkVersion;
    d.spec.flinkConfiguration['kubernetes.operator.deployment.rollback.enabled'] = 'yes';
    expect(validator.validateDeployment(d, {})).toBe("Could not parse value 'yes' for key 'kubernetes.operator.deployment.rollback.enabled'.");
    expect(validator.deploymentErrors(d)).toEqual([
      "Could not parse value 'yes' for key 'kubernetes.operator.deployment.rollback.enabled'.",
      'Flink Version must be defined.',
    ]);
  });

  test('an unparsable duration of the session cluster after a refused jarURI scheme', () => {
    const session = deployment();
    session.metadata.name = 'session';
    session.spec.flinkConfiguration['kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age'] = 'abc';
    const job = flinkManifest('FlinkSessionJob', { name: 'job', namespace: 'default' },
      { deploymentName: 'session', job: { jarURI: 'oss://1.2.3.4/x.jar', parallelism: 1, upgradeMode: 'stateless' } });
    expect(validator.validateSessionJob(job, session, {}))
      .toBe("Could not parse value 'abc' for key 'kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age'.");
  });

  test('a check the operator does not reach after an earlier message of the same method does not count', () => {
    // validateFlinkDeploymentConfig returns at the forbidden key before it reads the rollback flag.
    const d = deployment();
    delete d.spec.flinkVersion;
    d.spec.flinkConfiguration['kubernetes.cluster-id'] = 'x';
    d.spec.flinkConfiguration['kubernetes.operator.deployment.rollback.enabled'] = 'yes';
    expect(validator.validateDeployment(d, {})).toBe('Flink Version must be defined.');
  });

  test('without a thrown error the order stays the checks\' order', () => {
    const d = deployment();
    d.metadata.name = 'Basic';
    delete d.spec.flinkVersion;
    expect(validator.deploymentErrors(d)[1]).toBe('Flink Version must be defined.');
  });
});

describe('jarURI messages quote the URI as java.net.URISyntaxException does', () => {
  test.each([
    [' s3', 'jarURI is not a valid URI: Illegal character in path at index 0:  s3'],
    ['https://1.2.3.4/a  b.jar ', 'jarURI is not a valid URI: Illegal character in path at index 17: https://1.2.3.4/a  b.jar '],
  ])('%j', (jarURI, expected) => {
    const job = flinkManifest('FlinkSessionJob', { name: 'job', namespace: 'default' },
      { deploymentName: 'session', job: { jarURI, parallelism: 1, upgradeMode: 'stateless' } });
    expect(validator.validateSessionJob(job, undefined, {})).toBe(expected);
  });
});

describe('jarURI hosts that are BSD IPv4 literals only within their field ranges', () => {
  // The JDK refuses an ambiguous (octal, hexadecimal, short) IPv4 literal; a
  // string whose fields overflow is no literal at all and goes to DNS.
  test.each([
    ['0x7f.1', 'unresolvable'],
    ['017.0.0.1', 'unchecked'], // decimal 17.0.0.1: the JDK reads it before asking whether it is ambiguous
    ['127.1', 'restricted'],
    ['4294967296', 'unchecked'],
    ['10169.255254', 'unchecked'],
    ['256.255.256.256', 'unchecked'],
    ['1.2.65535', 'unchecked'],
    ['1.2.0x10000', 'unchecked'],
    ['1.2.0xffff', 'unresolvable'],
    ['0x7f.08', 'unchecked'], // a field starting with 0 is octal: 08 is none, so this is a name
    ['0x7f.1.1.019', 'unchecked'],
    ['0X7f.07168', 'unchecked'],
  ])('%s', (host, verdict) => {
    expect(hostVerdict(host)).toBe(verdict);
  });
});

describe('InetAddress.getByName hosts the JDK reads before any lookup', () => {
  test.each([
    ['', 'restricted'], // no host: the loopback address
    ['::ffff:10.0.0.1%1', 'unresolvable'], // an IPv4-mapped address takes no zone id
    ['[::ffff:8.8.8.8%eth0]', 'unresolvable'],
    ['::ffff:8.8.8.8', 'unchecked'],
    ['::127.0.0.1', 'unchecked'], // IPv4-compatible, not mapped: an IPv6 address, not loopback
    ['::00001', 'restricted'], // a group of five hex digits is fine while its value fits 16 bits
  ])('%j', (host, verdict) => {
    expect(hostVerdict(host)).toBe(verdict);
  });
});

describe('memory fractions that Java writes in E notation', () => {
  // MemorySize.multiply reads the fraction as new BigDecimal(Double.toString(0.0001)), i.e. "1.0E-4".
  test('a JobManager sized by its process memory with a tiny overhead fraction', () => {
    const d = deployment();
    delete d.spec.jobManager;
    d.spec.flinkConfiguration['jobmanager.memory.process.size'] = '1536m';
    d.spec.flinkConfiguration['jobmanager.memory.jvm-overhead.fraction'] = '0.0001';
    expect(validator.validateDeployment(d, {})).toBeUndefined();
  });
});

describe('new BigDecimal(String) with exponents, as the JDK reads them', () => {
  const read = (text: string): string => {
    try {
      return decimalToString(parseJavaBigDecimal(text));
    } catch (e) {
      if (e instanceof JavaNumberFormatError) {
        return `NumberFormatException: ${e.javaMessage}`;
      }
      throw e;
    }
  };
  test.each([
    ['1e3', '1E+3'],
    ['1.5E-7', '1.5E-7'],
    ['-.5e+2', '-5E+1'],
    ['5.', '5'],
    ['0e5', '0E+5'],
    ['-0.000e-3', '0.000000'],
    ['1e00000000000000000005', '1E+5'],
    ['1E2147483647', '1E+2147483647'],
    ['1e\u0663', '1E+3'],
    ['.e1', 'NumberFormatException: No digits found.'],
    ['1e', 'NumberFormatException: null'],
    ['1e+', 'NumberFormatException: null'],
    ['1e2147483648', 'NumberFormatException: Exponent overflow.'],
    ['1e-2147483648', 'NumberFormatException: Scale out of range.'],
    ['0.5e-2147483647', 'NumberFormatException: Scale out of range.'],
    ['1e12345678901', 'NumberFormatException: Too many nonzero exponent digits.'],
    ['1e1x', 'NumberFormatException: Not a digit.'],
    ['1234567890123456789x', 'NumberFormatException: Character array is missing "e" notation exponential mark.'],
  ])('%j reads as %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });
});

describe('Quartz year ranges do not depend on the calendar', () => {
  // Quartz ends an open year range at the year it was loaded plus 100 (the
  // operator in 2026: 2126) and rejects a range starting after that bound.
  const KEY = 'job.autoscaler.excluded.periods';
  const verdicts = (): string[] => ['0 0 12 ? * * 2126/1', '0 0 12 ? * * 2127/1', '0 0 12 ? * * 2199', '0 0 12 ? * * 2150/5'].map((periods) => {
    const d = deployment();
    d.spec.flinkConfiguration = { 'job.autoscaler.enabled': 'true', [KEY]: periods };
    return validator.validateDeployment(d, {}) ?? 'accepted';
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  test('the verdicts of 2026 (what the operator said then) in 2026 and in 2090', () => {
    jest.useFakeTimers({ now: new Date('2026-06-01T00:00:00Z') });
    const in2026 = verdicts();
    jest.setSystemTime(new Date('2090-06-01T00:00:00Z'));
    expect(verdicts()).toEqual(in2026);
    const neither = (value: string) => `Invalid value ${value} in the autoscaler config ${KEY}, the value is neither a valid daily expression nor a valid cron expression`;
    expect(in2026).toEqual(['accepted', neither('0 0 12 ? * * 2127/1'), 'accepted', neither('0 0 12 ? * * 2150/5')]);
  });

  test('Quartz loaded in another year bounds the range there', () => {
    expect(isQuartzCronExpression('0 0 12 ? * * 2127/1')).toBe(false);
    expect(isQuartzCronExpression('0 0 12 ? * * 2127/1', 2027)).toBe(true);
    expect(isQuartzCronExpression('0 0 12 ? * * 2128/1', 2027)).toBe(false);
  });
});
