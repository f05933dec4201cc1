import { ConformanceCase } from '../conformance/apache-operator/case';
import { BEHAVIOUR_DIFFERENCES, DOCUMENTED_DIFFERENCES, explainingDifference, OracleAnswer } from '../conformance/apache-operator/differences';
import { LibraryAnswer } from '../conformance/apache-operator/library';

// The one list of documented differences between the library and the operator
// (conformance/apache-operator/differences.ts): each entry explains the
// disagreement it is written for, and nothing else.

const job = (jarURI: string): ConformanceCase => ({
  source: 'test',
  kind: 'FlinkSessionJob',
  resource: { metadata: { name: 'job' }, spec: { deploymentName: 'session', job: { jarURI } } },
  sessionDeployment: { metadata: { name: 'session' }, spec: {} },
});
const deployment: ConformanceCase = { source: 'test', kind: 'FlinkDeployment', resource: { metadata: { name: 'd' }, spec: {} } };
const snapshot: ConformanceCase = { source: 'test', kind: 'FlinkStateSnapshot', resource: { metadata: { name: 's' }, spec: {} } };
const accept: LibraryAnswer = { verdict: 'accept', messages: [] };
const reject = (message: string): LibraryAnswer => ({ verdict: 'reject', message, messages: [message] });
const oracle = (message?: string, extra: Partial<OracleAnswer> = {}): OracleAnswer =>
  ({ verdict: message === undefined ? 'accept' : 'reject', message, ...extra });

const EXPLAINED: Record<string, [ConformanceCase, LibraryAnswer, OracleAnswer]> = {
  'jar-uri-dns': [job('https://example.com/x.jar'), accept, oracle("jarURI host 'example.com' cannot be resolved")],
  'snapshot-target-unseen': [snapshot, accept, oracle('Target for snapshot default/job was not found')],
  'ipv6-scope-interface': [job('https://[fe80::1%eth0]/x.jar'), reject("jarURI host '[fe80::1%eth0]' resolves to a restricted address"),
    oracle("jarURI host '[fe80::1%eth0]' cannot be resolved")],
  'operator-throws': [deployment, reject('Flink Version must be defined.'), oracle('Cannot invoke "String.length()"', { thrown: 'java.lang.NullPointerException' })],
  'outside-crd-schema': [deployment, reject('Flink version v3_0 is not supported by this operator version'), { verdict: 'error', message: 'InvalidFormatException' }],
  'autoscaler-validator-not-served': [deployment, reject('The AutoScalerOption job.autoscaler.utilization.target is invalid, it should be a value within the range [0.0, 1.0]'),
    oracle(undefined, { autoscalerUnchecked: true })],
  'java-set-order': [deployment, reject('Invalid log config key: x. Allowed keys are [log4j-console.properties, logback-console.xml]'),
    oracle('Invalid log config key: x. Allowed keys are [logback-console.xml, log4j-console.properties]')],
};

describe('documented differences with the Apache operator', () => {
  test('every entry has a reason, a category and an example here', () => {
    expect(DOCUMENTED_DIFFERENCES.map((d) => d.id).sort()).toEqual(Object.keys(EXPLAINED).sort());
    for (const d of DOCUMENTED_DIFFERENCES) {
      expect(d.reason.length).toBeGreaterThan(40);
      expect(['deliberate', 'oracle-gap']).toContain(d.category);
    }
  });

  test.each(Object.entries(EXPLAINED))('%s explains its disagreement', (id, [c, library, answer]) => {
    expect(explainingDifference(c, library, answer)?.id).toBe(id);
  });

  test.each([
    ['a different message for the same rule', deployment, reject('Job parallelism must be larger than 0'), oracle('Job parallelism must be larger than 1')],
    ['the library accepts what the operator rejects', deployment, accept, oracle('Job parallelism must be larger than 0')],
    ['the library rejects what the operator accepts', deployment, reject('Job parallelism must be larger than 0'), oracle(undefined)],
    ['an IP literal host the operator refuses', job('https://10.0.0.1/x.jar'), accept, oracle("jarURI host '10.0.0.1' resolves to a restricted address")],
    ['the 1.16 memory message (the library has the 1.16 rules)', deployment, reject('JobManager resource memory must be defined using `spec.jobManager.resource.memory`'),
      oracle('JobManager resource memory must be defined using `spec.jobManager.resource.memory` or `spec.jobManager.resources.requests.memory`')],
    ['a snapshot whose known target is missing', { ...snapshot, snapshotTarget: { metadata: {} } }, accept, oracle('Target for snapshot default/job was not found')],
  ])('nothing explains %s', (_name, c, library, answer) => {
    expect(explainingDifference(c as ConformanceCase, library, answer)).toBeUndefined();
  });

  test('IPv6 scope ids: interface names only', () => {
    const scope = BEHAVIOUR_DIFFERENCES.find((d) => d.id === 'ipv6-scope-interface')!;
    expect(scope.explains('fe80::1%eth0', { ok: false })).toBe(true);
    expect(scope.explains('fe80::1%2', { ok: false })).toBe(false);
    expect(scope.explains('10.0.0.1', { ok: true })).toBe(false);
    // Digits past an int are an interface name to the JDK too.
    expect(scope.explains('fe80::1%4294967296', { ok: false })).toBe(true);
    expect(scope.explains('[fe80::1%2147483647]', { ok: true })).toBe(false);
  });

  test('Quartz year bound: only an oracle loaded in another year, and only where that year decides', () => {
    const maxYear = BEHAVIOUR_DIFFERENCES.find((d) => d.id === 'quartz-max-year')!;
    // Quartz loaded in 2030 accepts a range from 2127 on; the library keeps the verdict of 2026.
    expect(maxYear.explains('0 0 12 ? * * 2127/1', { ok: true, maxYear: 2130 })).toBe(true);
    expect(maxYear.explains('0 0 12 ? * * 2127/1', { ok: true, maxYear: 2126 })).toBe(false);
    expect(maxYear.explains('0 0 12 ? * * 2140/1', { ok: true, maxYear: 2130 })).toBe(false);
    expect(maxYear.explains('0 0 12 ? * *', { ok: false, maxYear: 2130 })).toBe(false);
  });
});
