/**
 * `cdk8s-flink validate` on input nobody should feed it: malformed YAML,
 * alias bombs, binary and huge files, non-Flink documents, garbage fields.
 * Unreadable or malformed input exits 2 with one line on stderr; other
 * documents are skipped; nothing ever throws or prints a stack trace.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { runCli } from '../../src/cli/main';

const BIN = path.join(__dirname, '..', '..', 'lib', 'cli', 'main.js');
const STACK_TRACE = /\n\s+at /;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-robust-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
function file(content: string | Buffer, name = `input-${++counter}.yaml`): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

/** Runs `validate` in process; fails the test if runCli throws. */
function validate(...paths: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(['validate', ...paths], (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

/** Exit code 2 with one `cdk8s-flink: ...` line naming the file, and nothing on stdout. */
function expectOneLineFailure(r: { code: number; out: string; err: string }, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.out).toEqual('');
  expect(r.err).toMatch(/^cdk8s-flink: [^\n]+\n$/);
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(STACK_TRACE);
}

/** What validate says about a path without any Flink resource: a warning and the summary, exit 0. */
function noFlinkResource(p: string, files = 1): { code: number; out: string; err: string } {
  const warning = `${p}: warning: no Flink resource found (FlinkDeployment, FlinkSessionJob, FlinkStateSnapshot, FlinkBlueGreenDeployment or FlinkCluster)\n`;
  return { code: 0, out: `${warning}0 resources in ${files} file${files === 1 ? '' : 's'}: 0 errors, 1 warning\n`, err: '' };
}

const BOMB_LEVELS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
/** The billion laughs: nine levels of nine aliases each (9^9 strings when expanded). */
const BILLION_LAUGHS = BOMB_LEVELS.map((name, i) => i === 0
  ? `${name}: &${name} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`
  : `${name}: &${name} [${Array(9).fill(`*${BOMB_LEVELS[i - 1]}`).join(',')}]`).join('\n') + '\n';
/** The same bomb nested in a Flink resource's spec, through maps. */
const NESTED_BOMB = `apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata: { name: bomb }
spec:
  flinkConfiguration:
    a: &a { x1: lol, x2: lol, x3: lol, x4: lol, x5: lol, x6: lol, x7: lol, x8: lol }
    b: &b { y1: *a, y2: *a, y3: *a, y4: *a, y5: *a, y6: *a, y7: *a, y8: *a }
    c: &c { z1: *b, z2: *b, z3: *b, z4: *b, z5: *b, z6: *b, z7: *b, z8: *b }
    d: &d { w1: *c, w2: *c, w3: *c, w4: *c, w5: *c, w6: *c, w7: *c, w8: *c }
    e: &e { v1: *d, v2: *d, v3: *d, v4: *d, v5: *d, v6: *d, v7: *d, v8: *d }
    f: { u1: *e, u2: *e, u3: *e, u4: *e, u5: *e, u6: *e, u7: *e, u8: *e }
`;

describe('malformed YAML exits 2 with one file:line line', () => {
  test.each([
    ['an unclosed flow sequence', 'a: [1, 2\nb: c\n'],
    ['an unclosed flow map', 'a: {b: 1\n'],
    ['an unclosed quote', 'a: "unterminated\n'],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['a tab as indentation', 'a:\n\tb: 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['an unknown tag', 'a: !<tag:example.com,2000:x> [1\n'],
    ['a directive in the middle', 'a: 1\n%YAML 1.2\n---\nb: 2\n'],
    ['a nested mapping value on one line', 'key: value: other\n'],
    ['a key without a value in a flow map', '{ a: 1, : }\n: :\n'],
    ['a second broken document', 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n---\nkey: [\n'],
  ])('%s', (_what, content) => {
    const p = file(content);
    expectOneLineFailure(validate(p), new RegExp(`${escape(p)}:\\d+: malformed YAML: `));
  });
});

test('an undefined alias exits 2 with one file:line line', () => {
  const p = file('a: *nowhere\n');
  expectOneLineFailure(validate(p), new RegExp(`${escape(p)}:1: malformed YAML: unidentified alias "nowhere"`));
});

describe('alias bombs exit 2 fast', () => {
  test.each([
    ['the billion laughs', BILLION_LAUGHS],
    ['a bomb nested in a FlinkDeployment', NESTED_BOMB],
  ])('%s', (_what, content) => {
    const started = Date.now();
    const r = validate(file(content));
    expectOneLineFailure(r, /:\d+: .*alias/i);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('binary, huge and empty files', () => {
  test('random bytes with NUL are a binary file', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expectOneLineFailure(validate(file(bytes)), /binary file, not YAML/);
  });

  test('a PNG header is a binary file', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expectOneLineFailure(validate(file(png, 'image.yaml')), /image\.yaml: binary file, not YAML/);
  });

  test('a file over 64 MiB fails before it is read', () => {
    const p = path.join(dir, 'huge.yaml');
    fs.writeFileSync(p, '');
    fs.truncateSync(p, 65 * 1024 * 1024); // sparse: no data is written
    const started = Date.now();
    expectOneLineFailure(validate(p), /huge\.yaml: larger than 64 MiB/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test.each([
    ['an empty file', ''],
    ['only comments', '# nothing here\n# still nothing\n'],
    ['only document markers', '---\n---\n...\n'],
    ['whitespace', '   \n\n  \n'],
  ])('%s has no Flink resource: exit 0 with a warning', (_what, content) => {
    const p = file(content);
    expect(validate(p)).toEqual(noFlinkResource(p));
  });
});

describe('documents that are not Flink resources are skipped', () => {
  test.each([
    ['a ConfigMap', 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\ndata: { a: b }\n'],
    ['a List', 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: flink.apache.org/v1beta1\n    kind: FlinkDeployment\n'],
    ['a scalar', '42\n'],
    ['a top-level array', '[1, 2]\n'],
    ['a string', '"just a string"\n'],
    ['a plain string over lines', 'hello\n  world\n'],
    ['a Flink kind of another group', 'apiVersion: example.com/v1\nkind: FlinkDeployment\nmetadata: { name: x }\n'],
    ['a Flink apiVersion with an unknown kind', 'apiVersion: flink.apache.org/v1beta1\nkind: FlinkCluster\nmetadata: { name: x }\n'],
    ['a kind that is not a string', 'apiVersion: flink.apache.org/v1beta1\nkind: [FlinkDeployment]\n'],
    ['an apiVersion that is not a string', 'apiVersion: 42\nkind: FlinkDeployment\n'],
    ['many documents', Array(200).fill('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n').join('---\n')],
  ])('%s', (_what, content) => {
    const p = file(content);
    expect(validate(p)).toEqual(noFlinkResource(p));
  });

  test('a directory without YAML files', () => {
    const empty = fs.mkdtempSync(path.join(dir, 'no-yaml-'));
    fs.writeFileSync(path.join(empty, 'README.md'), '# not YAML');
    fs.writeFileSync(path.join(empty, 'data.json'), '{"kind": "FlinkDeployment"}');
    expect(validate(empty)).toEqual(noFlinkResource(empty, 0));
  });
});

describe('Flink resources with garbage fields are invalid (exit 1), not a crash', () => {
  const KINDS = ['FlinkDeployment', 'FlinkSessionJob', 'FlinkStateSnapshot', 'FlinkBlueGreenDeployment'];
  const GARBAGE = [
    'spec: 42',
    'metadata: []\nspec: 42',
    'metadata: "x"\nspec: [1, 2]',
    'metadata: { name: [a], namespace: {} }\nspec: { job: 42, jobManager: "x", flinkConfiguration: [1] }',
    'metadata: { name: x, labels: 7 }\nspec: { image: 1, flinkVersion: [], podTemplate: "x", ingress: 3, deploymentName: {}, jobReference: 4, savepoint: [], template: 5 }',
    'metadata: { name: x }\nspec: null',
    'metadata: { name: x }',
  ];
  const cases = KINDS.flatMap((kind) => GARBAGE.map((fields) => [kind, fields]));

  test.each(cases)('%s with %j', (kind, fields) => {
    const r = validate(file(`apiVersion: flink.apache.org/v1beta1\nkind: ${kind}\n${fields}\n`));
    expect(r.err).toEqual('');
    expect(r.out).not.toMatch(STACK_TRACE);
    expect(r.out).not.toMatch(/\b(TypeError|RangeError)\b|Cannot read propert|is not a function|is not iterable|\[object Object\]/);
    expect(r.code).toBe(1);
  });

  test('deeply nested structures', () => {
    const depth = 5000;
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const r = validate(file(`apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata: { name: deep }\nspec:\n  flinkConfiguration:\n    a: ${nested}\n`));
    expect([1, 2]).toContain(r.code);
    expect(r.err).not.toMatch(STACK_TRACE);
    expect(r.err.split('\n').filter(Boolean).length).toBeLessThanOrEqual(1);
  });
});

/**
 * `validate` on one path, subject to file permissions: in process when not
 * root; as root (CI), the built command under `setpriv` without the
 * capabilities that let root read any file (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH).
 */
function withFilePermissions(p: string): { code: number; out: string; err: string } {
  if (process.getuid?.() !== 0) {
    return validate(p);
  }
  const caps = '-dac_override,-dac_read_search';
  const r = spawnSync('setpriv', [`--bounding-set=${caps}`, `--inh-caps=${caps}`, process.execPath, BIN, 'validate', p], { encoding: 'utf8' });
  if (r.error) {
    throw new Error(`as root, this test drops capabilities with setpriv (util-linux): ${r.error.message}`);
  }
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('unreadable input', () => {
  test('a file without read permission exits 2', () => {
    const p = file('a: 1\n');
    fs.chmodSync(p, 0o000);
    try {
      expectOneLineFailure(withFilePermissions(p), /cannot read: EACCES/);
    } finally {
      fs.chmodSync(p, 0o644);
    }
  });

  test('a path that does not exist exits 2', () => {
    expectOneLineFailure(validate(path.join(dir, 'missing.yaml')), /missing\.yaml: no such file or directory/);
  });
});

describe('any bytes: the CLI answers 0, 1 or 2 and never throws or prints a stack trace', () => {
  const fragments = fc.constantFrom(
    'apiVersion: flink.apache.org/v1beta1\n', 'kind: FlinkDeployment\n', 'kind: FlinkSessionJob\n', 'kind: FlinkStateSnapshot\n',
    'metadata:\n  name: x\n', 'spec:\n', '  job: {}\n', '  image: 1\n', '---\n', '&a [*a]\n', '*a\n', 'a: &a [1]\nb: *a\n',
    '- ', ': ', '{', '}', '[', ']', '"', '\'', '#', '\t', '\n', '!!binary', '%YAML 1.2\n', '...\n', '\0', '\ufeff',
  );
  const content = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(fragments, { maxLength: 30 }).map((parts) => parts.join('')),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  );

  test('in process', () => {
    const p = path.join(dir, 'fuzz.yaml');
    fc.assert(fc.property(content, (text) => {
      fs.writeFileSync(p, text);
      const r = validate(p);
      expect([0, 1, 2]).toContain(r.code);
      expect(r.err).not.toMatch(STACK_TRACE);
      expect(r.err.split('\n').filter(Boolean).length).toBeLessThanOrEqual(1);
      if (r.code === 2) {
        expect(r.out).toEqual('');
        expect(r.err).toMatch(/^cdk8s-flink: [^\n]+\n$/);
        expect(r.err).not.toMatch(/internal error/);
      }
    }), { numRuns: 300 });
  });
});

describe('the installed bin', () => {
  test.each([
    ['an alias bomb', BILLION_LAUGHS, /alias/i],
    ['binary bytes', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]), /binary file, not YAML/],
  ])('%s: exit 2, one line, no stack trace', (_what, content, message) => {
    const r = spawnSync(process.execPath, [BIN, 'validate', file(content as any)], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toEqual('');
    expect(r.stderr).toMatch(/^cdk8s-flink: [^\n]+\n$/);
    expect(r.stderr).toMatch(message);
  });

  test('a file over 64 MiB fails fast', () => {
    const p = path.join(dir, 'huge-bin.yaml');
    fs.writeFileSync(p, '');
    fs.truncateSync(p, 100 * 1024 * 1024);
    const r = spawnSync(process.execPath, [BIN, 'validate', p], { encoding: 'utf8', timeout: 10_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cdk8s-flink: .*huge-bin\.yaml: larger than 64 MiB\n$/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
