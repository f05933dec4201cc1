/**
 * The CLI reads YAML with js-yaml (the faster parser); the yaml package, which
 * the library writes YAML with, is the oracle: the same documents, values and
 * start lines on the vendored upstream files and on YAML written to the edges
 * of the 1.2 core schema.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { LineCounter, parseAllDocuments, stringify } from 'yaml';
import { parseDocuments } from '../../src/cli/_documents';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const IMPORTS = path.join(__dirname, '..', '..', 'imports');

/** What the yaml package reads: each document's value and start line. */
function oracle(text: string): { line: number; value: unknown }[] {
  const lineCounter = new LineCounter();
  return parseAllDocuments(text, { lineCounter }).map((doc) => {
    expect(doc.errors).toEqual([]);
    return { line: lineCounter.linePos(doc.range[0]).line, value: doc.toJS() };
  }).filter((doc) => doc.value !== null);
}

function read(text: string): { line: number; value: unknown }[] {
  return parseDocuments(text, 'input.yaml').map(({ line, value }) => ({ line, value }));
}

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

const files = [...yamlFiles(FIXTURES), ...yamlFiles(IMPORTS)];

test('the corpus is the vendored upstream examples and CRDs', () => {
  expect(files.length).toBeGreaterThanOrEqual(50);
});

test.each(files.map((f) => [path.relative(path.join(__dirname, '..', '..'), f), f]))('%s reads as the yaml package reads it', (_name, file) => {
  const text = fs.readFileSync(file, 'utf8');
  expect(read(text)).toEqual(oracle(text));
});

describe('scalars at the edges of the YAML 1.2 core schema', () => {
  test.each([
    'yes', 'no', 'on', 'off', 'y', 'True', 'TRUE', 'false', '~', 'null', 'Null', '', '0o17', '017', '0x1F', '0b11', '+12', '-0',
    '1e3', '1.5E-3', '.inf', '-.Inf', '.NaN', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '12:30:00', '1_000', '123456789012345678901',
    '"quoted # not a comment"', "'it''s'", '100m', '2Gi', '0.5', '.5', '5.', '+.inf', '=', '<<',
  ])('%s', (scalar) => {
    const text = `value: ${scalar}\nlist: [${scalar || 'x'}]\n`;
    expect(read(text)).toEqual(oracle(text));
  });
});

test('document lines: the `---` marker of explicit documents, else the first content line', () => {
  const text = '# head\n\napiVersion: v1\n---\n# comment\nkind: A\n...\n# x\nb: 2\n--- # marker comment\n\n- 1\n---\n---\nc: 3\n';
  expect(read(text).map((d) => d.line)).toEqual([3, 4, 9, 10, 14]);
  expect(read(text)).toEqual(oracle(text));
});

test('merge keys stay plain keys, as in YAML 1.2', () => {
  const text = 'base: &b { a: 1 }\nderived:\n  <<: *b\n  c: 2\n';
  expect(read(text)).toEqual(oracle(text));
});

test('random JSON-like documents written by the yaml package read back the same', () => {
  const value = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
  fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 3 }), (docs) => {
    const text = docs.map((d) => stringify(d)).join('---\n');
    expect(read(text)).toEqual(oracle(text));
  }), { numRuns: 300, seed: 24 });
});
