/**
 * Direct differential tests of the JDK, Quartz and Flink behaviours the
 * library re-implements: each port against the real class (BehaviourMain,
 * one JVM), over seeded generated strings near each grammar's edges.
 */
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { decimalToString, JavaNumberFormatError, parseJavaBigDecimal } from '../../src/jvm/_big-decimal';
import { parseFlinkDuration } from '../../src/jvm/_java-duration';
import { hostVerdict } from '../../src/hooks/default-validator/_jar-uri';
import { parseJavaUri, UriSyntaxError } from '../../src/jvm/_java-uri';
import { MemorySizeError, parseMemorySize } from '../../src/jvm/_memory-size';
import { isQuartzCronExpression } from '../../src/jvm/_quartz';
import { JvmOracle } from '../support/jvm-oracle';

/** What the Java side answered. */
export interface JavaAnswer {
  readonly ok: boolean;
  readonly value?: any;
  readonly error?: string;
  readonly cause?: string;
  readonly unknownHost?: boolean;
  /** For cron: `CronExpression.MAX_YEAR`, the year Quartz was loaded plus 100. */
  readonly maxYear?: number;
}

/** One behaviour: its generator, the library's port, and how the two answers compare. */
interface Behaviour {
  readonly type: string;
  /** The Java class and method, for the report. */
  readonly java: string;
  readonly strings: fc.Arbitrary<string>;
  /** The library's answer, normalised to compare with `expected(java)`. */
  readonly library: (input: string) => unknown;
  readonly expected: (java: JavaAnswer) => unknown;
}

const tokens = (parts: readonly string[], max = 8): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...parts), { minLength: 0, maxLength: max }).map((p) => p.join(''));

/** One cron field: mostly a valid value, sometimes one past an edge, sometimes a list of two. */
const cronField = (valid: readonly string[], edges: readonly string[]): fc.Arbitrary<string> => {
  const value = fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 6 }, fc.constantFrom(...edges));
  return fc.oneof({ arbitrary: value, weight: 4 }, fc.tuple(value, value).map((p) => p.join(',')));
};

const failure = (e: unknown, type: Function): string => {
  if (e instanceof type) {
    return `error: ${e instanceof JavaNumberFormatError ? e.javaMessage : (e as Error).message}`;
  }
  throw e;
};

const BEHAVIOURS: readonly Behaviour[] = [
  {
    type: 'uri', java: 'java.net.URI(String)',
    strings: tokens(['https', 'http', 'local', 's3', ':', '//', '/', '1.2.3.4', 'host', 'Host-1', '[', ']', '::1', 'fe80::1', '%25', '%zz',
      '%', '@', 'user', '?', '#', 'q=1', ' ', '.', '-', '_', '8080', ':80', 'x.jar', 'ü', '\t', '{', '|', '+', '0', 'a.b.c', '[v1.x]', '%eth0']),
    library: (s) => { try { const u = parseJavaUri(s); return { scheme: u.scheme ?? null, host: u.host ?? null }; } catch (e) { return failure(e, UriSyntaxError); } },
    expected: (j) => (j.ok ? j.value : `error: ${j.error}`),
  },
  {
    type: 'inet', java: 'java.net.InetAddress.getByName(String)',
    strings: fc.oneof(
      tokens(['1', '0', '127', '255', '256', '10', '172', '16', '192', '168', '169', '254', '.', ':', '::', 'ffff', 'fe80', 'ff02', 'fec0',
        '0x', '0X7f', '07', '017', 'a', 'f', 'g', '[', ']', '%', 'eth0', '4294967295', '4294967296', 'localhost', '2001', 'db8'], 6).filter((s) => s.length > 0),
      // Dotted IPv4 forms: one to five parts, decimal, octal, hexadecimal, past a byte.
      fc.array(fc.constantFrom('0', '1', '10', '127', '169', '254', '172', '31', '192', '168', '224', '255', '256', '010', '0x7f', '08', '65535',
        '16777215', '4294967295', '4294967296', '19225616', ''), { minLength: 1, maxLength: 5 }).map((p) => p.join('.')),
      // IPv6 forms: groups with and without '::', an embedded IPv4 address, a scope id, brackets.
      fc.tuple(
        fc.array(fc.constantFrom('0', '1', 'ffff', 'fe80', 'febf', 'fec0', 'ff02', '2001', 'db8', 'abcd', '0000', '00001', '07255', '10000', 'g'),
          { minLength: 0, maxLength: 9 }),
        fc.nat(9),
        fc.boolean(),
        fc.constantFrom('', '', '', '1.2.3.4', '127.0.0.1', '10.0.0.1', '0.0.0.0', '169.254.1.1', '224.0.0.1', '256.1.1.1', '1.2.3', '010.1.1.1'),
        fc.constantFrom('', '', '', '%1', '%0', '%eth0', '%', '%4294967296'),
        fc.boolean(),
      ).map(([groups, at, compressed, v4, zone, bracketed]) => {
        const parts = v4 === '' ? groups : [...groups, v4];
        const text = compressed ? `${parts.slice(0, at).join(':')}::${parts.slice(at).join(':')}` : parts.join(':');
        return bracketed ? `[${text}${zone}]` : `${text}${zone}`;
      }).filter((s) => s.length > 0),
    ),
    library: (s) => hostVerdict(s),
    expected: (j) => (j.ok ? (j.value.restricted ? 'restricted' : 'unchecked')
      // A name the JDK would look up in DNS: the library accepts it without a lookup.
      : /^Unable to resolve host .* in hosts file /.test(j.error ?? '') ? 'unchecked' : 'unresolvable'),
  },
  {
    type: 'bigdecimal', java: 'java.math.BigDecimal(String)',
    // Quantities' amounts, Double.toString texts (1.0E-4) and everything near the grammar's edges:
    // signs, leading and trailing dots, exponents up to and past an int, long texts, non-ASCII digits.
    strings: fc.oneof(
      tokens(['0', '1', '9', '12345678901234567890', '.', '-', '+', '-5', '+3', '2147483647', '2147483648', ' ', 'x', '٣', '00', '0.', '.5',
        'e', 'E', 'e+', 'e-', 'E-', '1e', '0000000000', '99999999999'], 6),
      fc.tuple(
        fc.constantFrom('', '', '-', '+', '--', '+-'),
        tokens(['0', '1', '7', '00', '123456789', '٣', '.', '..'], 4),
        fc.constantFrom('e', 'E', 'e', 'x', ''),
        fc.constantFrom('', '', '-', '+', '+-'),
        tokens(['0', '1', '9', '2147483647', '2147483648', '2147483646', '0000000000', '9999999999', '٣', '.', 'e', ' '], 3),
      ).map((p) => p.join('')),
      // Well-formed: [sign] digits [. digits] [e [sign] digits], with leading or trailing dots.
      fc.tuple(
        fc.constantFrom('', '-', '+'),
        fc.oneof(fc.stringMatching(/^[0-9]{0,3}$/), fc.constantFrom('0', '00', '123456789012345678', '1234567890123456789', '٣')),
        fc.constantFrom('', '.'),
        fc.stringMatching(/^[0-9]{0,3}$/),
        fc.oneof(fc.constant(''), fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '-', '+'),
          fc.oneof(fc.stringMatching(/^[0-9]{1,3}$/), fc.constantFrom('2147483647', '2147483648', '2147483646', '0000000000005', '999999999'))).map((p) => p.join(''))),
      ).map((p) => p.join('')),
    ),
    library: (s) => { try { return decimalToString(parseJavaBigDecimal(s)); } catch (e) { return failure(e, JavaNumberFormatError); } },
    expected: (j) => (j.ok ? j.value : `error: ${j.error}`),
  },
  {
    type: 'cron', java: 'org.quartz.CronExpression(String)',
    strings: fc.oneof(
      fc.array(tokens(['0', '1', '5', '12', '23', '31', '59', '60', '*', '?', '/', '-', ',', 'L', 'W', '#', 'LW', 'MON', 'FRI', 'JAN', 'DEC', 'X',
        '1970', '2099', '2199', '3000'], 3), { minLength: 1, maxLength: 8 }).map((f) => f.join(' ')),
      // Six or seven fields, each from values near its rules' edges (ranges, steps, L, W, #, names, the year bound).
      fc.tuple(cronField(['0', '59', '*/15', '5-10', '50-10', '1,2,3'], ['60', '0/60', '?', 'L', '7/0', '-1']),
        cronField(['0', '30', '59', '*', '*/59', '10-20/5', '0-59'], ['60', 'X', '*/60']),
        cronField(['0', '23', '*', '9-17', '22-2', '0/23'], ['24', '*/24']),
        cronField(['?', '?', '*', '1', '31', 'L', 'LW', 'L-3', 'L-30', '15W', '1-31', '1/31'], ['32', '0', 'L-31', '32W', '1/32', 'W', '1,L', '3#1']),
        cronField(['*', '1', '12', 'JAN', 'jan', 'DEC', 'JAN-MAR', 'NOV-FEB', '1-12', '1/3', '*/12'], ['13', '0', 'FOO', '*/13', 'JAN/2']),
        cronField(['?', '?', '*', '1', '7', 'MON', 'MON-FRI', 'SUN-SAT', 'FRI-MON', '6L', 'L', '5#3', 'MON#2', 'FRI#5', '1,3,5', '1-7/2', '*/7'],
          ['0', '8', '0L', '8L', '2#6', '2#0', '*/8', 'L,1', '1#1,2#2', 'MONL']),
        fc.constantFrom('', '', ' *', ' 2026', ' 1970', ' 1969', ' 2099', ' 2125', ' 2126', ' 2127', ' 2199', ' 3000', ' 2020-2030', ' 2030-2020',
          ' 2100/5', ' 2126/1', ' 2127/1', ' 2199/5', ' */2', ' 1970-2199', ' 2020,2030', ' 2026 *'),
        fc.constantFrom(' ', ' ', '  ', '\t'),
        // Quartz wants exactly one of the day fields to be '?'.
        fc.constantFrom('dom', 'dom', 'dow', 'dow', 'neither')).map(([s, m, h, dom, mon, dow, year, sep, unset]) =>
        [s, m, h, unset === 'dom' ? '?' : dom, mon, unset === 'dow' ? '?' : dow].join(sep) + year),
    ),
    library: (s) => isQuartzCronExpression(s),
    expected: (j) => j.ok,
  },
  {
    type: 'memory', java: 'org.apache.flink.configuration.MemorySize.parse(String)',
    strings: tokens(['0', '1', '2', '1024', '9223372036854775807', '9223372036854775808', ' ', 'b', 'k', 'kb', 'm', 'mb', 'g', 'gb', 't', 'tb', 'bytes',
      'kibibytes', 'Mi', 'G', '.', '-', '+', '٣', '\t', 'x'], 5),
    library: (s) => { try { return parseMemorySize(s).toString(); } catch (e) { return failure(e, MemorySizeError); } },
    expected: (j) => (j.ok ? j.value : `error: ${j.error}`),
  },
  {
    type: 'duration', java: 'org.apache.flink.util.TimeUtils.parseDuration(String)',
    strings: tokens(['0', '1', '15', '9223372036854775807', '9223372036854775808', '106751991167300', ' ', 'd', 'day', 'h', 'hours', 'min', 'm', 's', 'sec',
      'ms', 'milli', 'µs', 'ns', 'nanos', 'MIN', 'S', '-', '.', 'x', '\t'], 5),
    library: (s) => parseFlinkDuration(s) !== undefined,
    expected: (j) => j.ok,
  },
];

/** One behaviour's generated strings and what the real class made of each, in the form of the port's answers. */
export interface JavaRun {
  readonly type: string;
  readonly java: string;
  readonly inputs: readonly string[];
  readonly answers: readonly JavaAnswer[];
  readonly expected: readonly unknown[];
}

/** The outcome of one behaviour's run. */
export interface BehaviourOutcome {
  readonly type: string;
  readonly java: string;
  readonly cases: number;
  readonly differences: ReadonlyArray<{ input: string; library: unknown; java: unknown; answer: JavaAnswer }>;
}

/**
 * Asks the real classes (BehaviourMain, one JVM) about `count` distinct
 * generated strings of every behaviour (or only of `only`).
 */
export async function runJava(count: number, seed: number, only?: string): Promise<JavaRun[]> {
  const target = path.join(__dirname, 'target');
  fs.mkdirSync(target, { recursive: true });
  const hosts = path.join(target, 'hosts');
  // Only localhost resolves, as in any pod's /etc/hosts; no name goes to DNS.
  fs.writeFileSync(hosts, '127.0.0.1 localhost\n::1 localhost\n');
  const oracle = await JvmOracle.start({
    project: __dirname, mainClass: 'dev.cdk8sflink.conformance.BehaviourMain',
    jvmArgs: [`-Djdk.net.hosts.file=${hosts}`, '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'],
  });
  try {
    const runs: JavaRun[] = [];
    for (const [i, b] of BEHAVIOURS.entries()) {
      if (only !== undefined && b.type !== only) {
        continue;
      }
      // Distinct strings: twice as many are drawn (fast-check starts with small values, which repeat).
      const inputs = [...new Set(fc.sample(b.strings, { numRuns: 2 * count, seed: seed + i }))].slice(0, count);
      const answers: JavaAnswer[] = await Promise.all(inputs.map((input) => oracle.ask({ type: b.type, input })));
      runs.push({ type: b.type, java: b.java, inputs, answers, expected: answers.map((a) => b.expected(a)) });
    }
    return runs;
  } finally {
    await oracle.close();
  }
}

/** Runs `count` generated strings of every behaviour through the library's port and the real class. */
export async function runBehaviours(count: number, seed: number, only?: string): Promise<BehaviourOutcome[]> {
  return (await runJava(count, seed, only)).map((run) => {
    const port = BEHAVIOURS.find((b) => b.type === run.type)!.library;
    const differences = run.inputs.flatMap((input, k) => {
      const library = port(input);
      const java = run.expected[k];
      return JSON.stringify(library) === JSON.stringify(java) ? [] : [{ input, library, java, answer: run.answers[k] }];
    });
    return { type: run.type, java: run.java, cases: run.inputs.length, differences };
  });
}
