/**
 * The CRDs prepared at build time (`lib/crds/`, by `npx projen pre-compile`)
 * are the vendored YAMLs of `imports/`, read by the yaml package here as the
 * oracle: every folder, every document, in file-name order.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { vendoredCrds } from '../../src/manifest/_vendored-crds';

const IMPORTS = path.join(__dirname, '..', '..', 'imports');

/** Folders below imports/ that hold YAML files, `/`-separated. */
function crdFolders(dir = IMPORTS): string[] {
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  const own = entries.some((e) => e.isFile() && /\.ya?ml$/.test(e.name)) ? [path.relative(IMPORTS, dir).split(path.sep).join('/')] : [];
  return [...own, ...entries.filter((e) => e.isDirectory()).flatMap((e) => crdFolders(path.join(dir, e.name)))];
}

const folders = crdFolders();

test('both operators have vendored CRDs', () => {
  expect(folders.some((f) => f.startsWith('apache-flink-kubernetes-operator'))).toBe(true);
  expect(folders.some((f) => f.startsWith('spotify-flink-on-k8s-operator'))).toBe(true);
});

describe.each(folders)('imports/%s', (folder) => {
  test('is prepared as the documents of its YAML files, in file-name order', () => {
    const dir = path.join(IMPORTS, ...folder.split('/'));
    const expected = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()
      .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS()))
      .filter((d) => d !== null);
    expect(expected.every((d) => d.kind === 'CustomResourceDefinition')).toBe(true);
    expect(vendoredCrds(folder)).toEqual(expected);
  });

  test('every call returns new objects', () => {
    const first = vendoredCrds(folder);
    first[0].spec.names.kind = 'Changed';
    expect(vendoredCrds(folder)[0].spec.names.kind).not.toEqual('Changed');
  });
});

test('a folder without prepared CRDs names the build step', () => {
  expect(() => vendoredCrds('no-such-operator')).toThrow(/no-such-operator\.json is missing: run `npx projen pre-compile`/);
});
