/**
 * Every documented difference between the library and the operator, in one
 * place. A case on which the two disagree passes only when an entry here
 * claims it; `npm run test:conformance` fails on any other.
 */
import { isQuartzCronExpression, QUARTZ_REFERENCE_YEAR } from '../../src/jvm/_quartz';
import { JavaAnswer } from './behaviours';
import { ConformanceCase } from './case';
import { LibraryAnswer } from './library';

/** What the operator (the oracle) answered. */
export interface OracleAnswer {
  readonly verdict: 'accept' | 'reject' | 'error';
  readonly message?: string;
  readonly mutatedLabels?: Record<string, string> | null;
  readonly autoscalerUnchecked?: boolean;
  /** The exception class, when the validator threw (its message is then the rejection message). */
  readonly thrown?: string;
}

/** One documented difference. */
export interface DocumentedDifference {
  /** A short stable name. */
  readonly id: string;
  /**
   * deliberate: the library differs on purpose;
   * oracle-gap: the oracle cannot run the upstream code for this (an artifact Maven Central does not serve).
   */
  readonly category: 'deliberate' | 'oracle-gap';
  readonly reason: string;
  /** Whether this entry explains the disagreement on this case. */
  readonly explains: (c: ConformanceCase, library: LibraryAnswer, oracle: OracleAnswer) => boolean;
}

const UNRESOLVED = /^jarURI host '.*' cannot be resolved$/;

/** The documented differences. */
export const DOCUMENTED_DIFFERENCES: readonly DocumentedDifference[] = [
  {
    id: 'jar-uri-dns',
    category: 'deliberate',
    reason: 'For http(s) jarURIs the operator resolves the host name through DNS and rejects names that resolve to '
      + 'restricted addresses or not at all. The library resolves no names (synth must be deterministic and offline): '
      + 'it classifies IP literals and localhost exactly as the JDK does and accepts other host names.',
    explains: (c, _library, oracle) => c.kind === 'FlinkSessionJob' && oracle.verdict === 'reject'
      && hostIsName(c.resource?.spec?.job?.jarURI) && UNRESOLVED.test(oracle.message ?? ''),
  },
  {
    id: 'snapshot-target-unseen',
    category: 'deliberate',
    reason: 'A snapshot whose job is not among the manifests the CLI is given may be defined elsewhere (another file, '
      + 'another app): the library skips "Target for snapshot ... was not found", which the operator reports when '
      + 'the job does not exist in the cluster.',
    explains: (c, library, oracle) => c.kind === 'FlinkStateSnapshot' && c.snapshotTarget === undefined
      && library.verdict === 'accept' && oracle.verdict === 'reject' && /^Target for snapshot .* was not found$/.test(oracle.message ?? ''),
  },
  {
    id: 'ipv6-scope-interface',
    category: 'deliberate',
    reason: 'An IPv6 literal with a scope id (fe80::1%eth0) names a network interface, which the JDK looks up on the '
      + 'machine it runs on: the operator\'s pod has eth0, a build machine may not. The library classifies the address '
      + 'as the operator in its pod does.',
    explains: (c, library, oracle) => c.kind === 'FlinkSessionJob' && /\[[^\]]*%[^\]]*\]/.test(String(c.resource?.spec?.job?.jarURI))
      && library.verdict === 'reject' && oracle.verdict === 'reject' && UNRESOLVED.test(oracle.message ?? ''),
  },
  {
    id: 'operator-throws',
    category: 'deliberate',
    reason: 'The operator\'s validator throws on this input (a NullPointerException or similar: the webhook fails '
      + 'the request with the exception text). The library refuses it too, with a message that names the problem.',
    explains: (_c, library, oracle) => oracle.thrown !== undefined && oracle.thrown !== 'java.lang.IllegalArgumentException'
      && library.verdict === 'reject',
  },
  {
    id: 'outside-crd-schema',
    category: 'deliberate',
    reason: 'The resource does not match the CRD\'s schema (a value outside an enum, a wrong JSON type): the API '
      + 'server refuses it before the operator sees it, and the operator\'s classes cannot even read it. The library '
      + 'refuses it with its own message.',
    explains: (_c, library, oracle) => oracle.verdict === 'error' && library.verdict === 'reject',
  },
  {
    id: 'autoscaler-validator-not-served',
    category: 'oracle-gap',
    reason: 'org.apache.flink:flink-autoscaler (AutoscalerValidator) is not served by Maven Central at any version; '
      + 'the oracle runs with a stand-in that accepts every autoscaler option, so the library\'s autoscaler option '
      + 'checks are judged only by the table tests.',
    explains: (_c, library, oracle) => oracle.autoscalerUnchecked === true && oracle.verdict === 'accept'
      && library.verdict === 'reject' && /(AutoScalerOption job\.autoscaler\.|autoscaler config job\.autoscaler\.|for key 'job\.autoscaler\.)/.test(library.message ?? ''),
  },
  {
    id: 'java-set-order',
    category: 'deliberate',
    reason: 'The operator lists the allowed log configuration keys from a java.util.Set.of, whose iteration order '
      + 'changes from one JVM start to the next; the library always lists them in one order.',
    explains: (_c, library, oracle) => library.verdict === 'reject' && oracle.verdict === 'reject'
      && /^Invalid log config key: /.test(library.message ?? '') && sortedList(library.message) === sortedList(oracle.message),
  },
];

function sortedList(message: string | undefined): string {
  return (message ?? '').replace(/\[([^\]]*)\]$/, (_m, list: string) => `[${list.split(', ').sort().join(', ')}]`);
}

/**
 * Whether an IPv6 literal's scope id names an interface: the JDK reads the
 * digits after `%` (up to a `]`) as a number only when they make an int.
 */
function scopeNamesInterface(literal: string): boolean {
  const zone = /%([^\]]*)/.exec(literal)?.[1];
  return zone !== undefined && (!/^[0-9]+$/.test(zone) || Number(zone) > 2 ** 31 - 1);
}

/** Whether the http(s) URI names a host by name (not an IP literal, not localhost). */
function hostIsName(uri: unknown): boolean {
  const match = typeof uri === 'string' ? /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^:/?#[\]]+)/i.exec(uri) : null;
  return match !== null && !/^[0-9.]+$/.test(match[1]) && !/^[0-9a-fx.]+$/i.test(match[1]) && match[1].toLowerCase() !== 'localhost';
}

/** The documented difference that explains a disagreement, if any. */
export function explainingDifference(c: ConformanceCase, library: LibraryAnswer, oracle: OracleAnswer): DocumentedDifference | undefined {
  return DOCUMENTED_DIFFERENCES.find((d) => d.explains(c, library, oracle));
}

/** A documented difference of one re-implemented JDK, Quartz or Flink behaviour (behaviours.ts). */
export interface BehaviourDifference {
  readonly id: string;
  /** The behaviour type (uri, inet, bigdecimal, cron, memory, duration). */
  readonly type: string;
  readonly reason: string;
  /** Whether this entry explains the disagreement on this input, given what the real class answered. */
  readonly explains: (input: string, java: JavaAnswer) => boolean;
}

/** The documented differences of the re-implemented behaviours. */
export const BEHAVIOUR_DIFFERENCES: readonly BehaviourDifference[] = [
  {
    id: 'ipv6-scope-interface',
    type: 'inet',
    reason: 'An IPv6 literal whose scope id is not a number (not digits, or past an int) names a network interface, '
      + 'which the JDK looks up on the machine it runs on (see the FlinkSessionJob entry of the same name).',
    explains: (input) => input.includes(':') && scopeNamesInterface(input),
  },
  {
    id: 'quartz-max-year',
    type: 'cron',
    reason: 'Quartz ends an open year range (2100/5) at CronExpression.MAX_YEAR, the year its class was loaded plus 100, '
      + 'and rejects a range that starts after it: the operator\'s verdict depends on the year its pod started. The '
      + `library computes it from a fixed year (${QUARTZ_REFERENCE_YEAR}) so that its output never changes with the calendar; `
      + 'a difference appears only when the oracle runs in another year, and only on such ranges.',
    explains: (input, java) => java.maxYear !== undefined && java.maxYear !== QUARTZ_REFERENCE_YEAR + 100
      && isQuartzCronExpression(input, java.maxYear - 100) === java.ok,
  },
];
