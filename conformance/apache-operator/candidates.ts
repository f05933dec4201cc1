/**
 * Measures npm libraries that could replace a hand-written port against the
 * same real classes and generated strings as the behaviour differential
 * (behaviours.ts): for each candidate, on how many strings its answer, put
 * in the form of the port's answer, differs from the JDK's or Quartz's.
 *
 * The candidates are not dependencies of the project; install them outside
 * the repository and pass their folder:
 *
 *   npm install --prefix /tmp/candidates ipaddr.js@2.5.0 ip-address@10.7.7 croner@11.0.1 cron-parser@5.10.7 uri-js@4.4.1 whatwg-url@17.3.0 \
 *     bytes@3.1.2 ms@2.1.3 parse-duration@2.1.9
 *   tsx conformance/apache-operator/candidates.ts --modules /tmp/candidates/node_modules
 *
 * The figures are recorded in README.md (Conformance) and on each port.
 */
import * as net from 'net';
import * as path from 'path';
import { parseArgs } from 'util';
import { isAmbiguousIPv4Literal, isRestrictedAddress, parseIPv4 } from '../../src/jvm/_ip-address';
import { javaDigit } from '../../src/jvm/_java-numbers';
import { runJava } from './behaviours';
import { BEHAVIOUR_DIFFERENCES } from './differences';

/** One candidate: which behaviour it stands in for, and its answer in the port's form. */
interface Candidate {
  readonly type: string;
  readonly name: string;
  readonly answer: (input: string) => unknown;
}

/** An address a library read: its bytes (IPv4-mapped IPv6 as 4) and, when the library classifies it, whether it is restricted. */
interface Literal {
  readonly bytes: number[];
  readonly restricted?: boolean;
}

/**
 * The port's `hostVerdict` with a library in place of its IPv4 and IPv6
 * literal parsers (`parseIPv4`, `parseIPv6`), everything else (no host,
 * brackets, the JDK's refusal of octal and hexadecimal IPv4 forms and of
 * zone ids on IPv4-mapped addresses, names) as the port does it.
 */
function hostVerdictWith(parseV4: (name: string) => Literal | undefined, parseV6: (name: string) => Literal | undefined): (host: string) => string {
  const verdict = (literal: Literal): string => ((literal.restricted ?? isRestrictedAddress(literal.bytes)) ? 'restricted' : 'unchecked');
  return (host) => {
    if (host.length === 0) {
      return 'restricted';
    }
    let name = host;
    let bracketed = false;
    if (name.startsWith('[')) {
      if (name.length <= 2 || !name.endsWith(']')) {
        return 'unresolvable';
      }
      name = name.substring(1, name.length - 1);
      bracketed = true;
    }
    if (javaDigit(name[0], 16) !== -1 || name[0] === ':') {
      const v4 = parseV4(name);
      if (v4 !== undefined) {
        return bracketed ? 'unresolvable' : verdict(v4);
      }
      if (isAmbiguousIPv4Literal(name)) {
        return 'unresolvable';
      }
      const v6 = parseV6(name);
      if (v6 !== undefined) {
        return v6.bytes.length === 4 && name.includes('%') ? 'unresolvable' : verdict(v6);
      }
      if (name.includes(':') || bracketed) {
        return 'unresolvable';
      }
    } else if (bracketed) {
      return 'unresolvable';
    }
    return name.toLowerCase() === 'localhost' ? 'restricted' : 'unchecked';
  };
}

/** IPv4-mapped IPv6 addresses are IPv4 addresses to the JDK. */
function unmapped(bytes: number[]): number[] {
  const mapped = bytes.length === 16 && bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? bytes.slice(12) : bytes;
}

/** Node's own: `net.isIP` reads the literal, a `net.BlockList` of the JDK's restricted ranges classifies it. */
function nodeNet(family: 4 | 6): (name: string) => Literal | undefined {
  const blocks = new net.BlockList();
  for (const [a, p] of [['127.0.0.0', 8], ['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['169.254.0.0', 16], ['224.0.0.0', 4], ['0.0.0.0', 32]] as const) {
    blocks.addSubnet(a, p, 'ipv4');
  }
  for (const [a, p] of [['::1', 128], ['::', 128], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['::ffff:127.0.0.0', 104], ['::ffff:10.0.0.0', 104],
    ['::ffff:172.16.0.0', 108], ['::ffff:192.168.0.0', 112], ['::ffff:169.254.0.0', 112], ['::ffff:224.0.0.0', 100], ['::ffff:0.0.0.0', 128]] as const) {
    blocks.addSubnet(a, p, 'ipv6');
  }
  return (name) => (net.isIP(name) === family ? { bytes: [], restricted: blocks.check(name, family === 4 ? 'ipv4' : 'ipv6') } : undefined);
}

function candidates(load: (name: string) => any): Candidate[] {
  const ipaddr = load('ipaddr.js');
  const { Address4, Address6 } = load('ip-address');
  const { Cron } = load('croner');
  const { CronExpressionParser } = load('cron-parser');
  const uriJs = load('uri-js');
  const { URL } = load('whatwg-url');
  const bytes = load('bytes');
  const ms = load('ms');
  const parseDuration = load('parse-duration').default;
  const tryOr = <T>(f: () => T): T | undefined => { try { return f(); } catch { return undefined; } };
  return [
    {
      type: 'inet', name: 'ipaddr.js IPv4.parse/IPv6.parse',
      answer: hostVerdictWith(
        (name) => { const a = tryOr(() => ipaddr.IPv4.parse(name)); return a && { bytes: a.toByteArray() }; },
        (name) => { const a = tryOr(() => ipaddr.IPv6.parse(name)); return a && { bytes: unmapped(a.toByteArray()) }; }),
    },
    {
      type: 'inet', name: 'the port\'s IPv4, ipaddr.js IPv6.parse',
      answer: hostVerdictWith(
        (name) => { const bytes = parseIPv4(name); return bytes && { bytes }; },
        (name) => { const a = tryOr(() => ipaddr.IPv6.parse(name)); return a && { bytes: unmapped(a.toByteArray()) }; }),
    },
    {
      type: 'inet', name: 'ipaddr.js IPv4.parse (four-part decimal only)/IPv6.parse',
      answer: hostVerdictWith(
        (name) => (ipaddr.IPv4.isValidFourPartDecimal(name) ? { bytes: ipaddr.IPv4.parse(name).toByteArray() } : undefined),
        (name) => { const a = tryOr(() => ipaddr.IPv6.parse(name)); return a && { bytes: unmapped(a.toByteArray()) }; }),
    },
    {
      type: 'inet', name: 'ip-address Address4/Address6',
      answer: hostVerdictWith(
        (name) => { const a = tryOr(() => new Address4(name)); return a && { bytes: a.toArray() }; },
        (name) => { const a = tryOr(() => new Address6(name)); return a && { bytes: unmapped(a.toByteArray()) }; }),
    },
    { type: 'inet', name: 'node net.isIP and net.BlockList', answer: hostVerdictWith(nodeNet(4), nodeNet(6)) },
    { type: 'cron', name: 'croner Cron', answer: (s) => tryOr(() => new Cron(s, { paused: true })) !== undefined },
    { type: 'cron', name: 'cron-parser CronExpressionParser.parse', answer: (s) => tryOr(() => CronExpressionParser.parse(s)) !== undefined },
    {
      type: 'memory', name: 'bytes parse',
      answer: (s) => { const n = tryOr(() => bytes.parse(s)); return typeof n === 'number' && Number.isFinite(n) ? String(n) : 'error'; },
    },
    { type: 'duration', name: 'ms', answer: (s) => { const n = tryOr(() => ms(s)); return typeof n === 'number' && Number.isFinite(n); } },
    { type: 'duration', name: 'parse-duration', answer: (s) => { const n = tryOr(() => parseDuration(s)); return typeof n === 'number' && Number.isFinite(n); } },
    {
      type: 'uri', name: 'uri-js parse',
      answer: (s) => {
        const u = uriJs.parse(s);
        return u.error !== undefined ? 'error' : { scheme: u.scheme ?? null, host: u.host === undefined ? null : (u.host.includes(':') ? `[${u.host}]` : u.host) };
      },
    },
    {
      type: 'uri', name: 'WHATWG URL (whatwg-url)',
      answer: (s) => {
        const u = tryOr(() => new URL(s));
        return u === undefined ? 'error' : { scheme: u.protocol.slice(0, -1), host: u.hostname === '' ? null : u.hostname };
      },
    },
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: {
    modules: { type: 'string' },
    strings: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '15' },
  } });
  const load = (name: string): any => require(values.modules === undefined ? name : path.resolve(values.modules, name));
  const all = candidates(load);
  for (const run of await runJava(Number(values.strings), Number(values.seed))) {
    for (const candidate of all.filter((c) => c.type === run.type)) {
      // Java's messages are not a library's: only whether the string is refused is compared.
      const expected = run.expected.map((e) => (typeof e === 'string' && e.startsWith('error') ? 'error' : e));
      // A difference the port is allowed (differences.ts) is not counted against a candidate either.
      const wrong = run.inputs.flatMap((input, k) => {
        const answer = candidate.answer(input);
        const documented = BEHAVIOUR_DIFFERENCES.some((d) => d.type === run.type && d.explains(input, run.answers[k]));
        return documented || JSON.stringify(answer) === JSON.stringify(expected[k]) ? [] : [{ input, candidate: answer, java: expected[k] }];
      });
      console.log(`${run.java} vs ${candidate.name}: ${run.inputs.length} strings, ${wrong.length} differ`);
      for (const w of wrong.slice(0, 6)) {
        console.log(`  ${JSON.stringify(w.input)}: ${JSON.stringify(w.candidate)}, Java ${JSON.stringify(w.java)}`);
      }
    }
  }
}

main().catch((error) => {
  console.error(`candidates: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
