/**
 * The npm package ships only what runs: packed as `npm publish` would pack
 * it (after the build), it stays under 6 MiB unpacked and leaves out the
 * generated L1 classes (`lib/imports/`) and the CRD YAMLs (`imports/`),
 * whose JSON form (`lib/crds/`) it carries instead, and the bundled
 * dependencies' source maps, TypeScript sources and test folders (removed by
 * the `pre-compile` task). No network needed.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const MAX_UNPACKED_BYTES = 6 * 1024 * 1024;

interface PackResult {
  readonly unpackedSize: number;
  readonly files: { readonly path: string; readonly size: number }[];
  readonly bundled: string[];
}

let pack: PackResult;
beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js')) || !fs.existsSync(path.join(ROOT, 'lib', 'crds'))) {
    throw new Error('lib/ is not built: run `npx projen pre-compile && npx projen compile` first');
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts', '--offline'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
  if (result.status !== 0) {
    throw new Error(`npm pack --dry-run failed (${result.status}): ${result.stderr}`);
  }
  pack = JSON.parse(result.stdout)[0];
}, 120_000);

test('the package unpacks to at most 6 MiB', () => {
  expect(pack.unpackedSize).toBeLessThanOrEqual(MAX_UNPACKED_BYTES);
  // The reported size is the files' sum: the listing is complete.
  expect(pack.files.reduce((sum, f) => sum + f.size, 0)).toEqual(pack.unpackedSize);
});

test('the generated L1 classes and the CRD YAMLs are left out', () => {
  const paths = pack.files.map((f) => f.path);
  expect(paths.filter((p) => p.startsWith('lib/imports/'))).toEqual([]);
  expect(paths.filter((p) => p.startsWith('imports/'))).toEqual([]);
  expect(fs.readdirSync(path.join(ROOT, 'lib', 'imports')).length).toBeGreaterThan(0);
});

test('the bundled dependencies ship no source maps, TypeScript sources or test folders', () => {
  const bundled = pack.files.map((f) => f.path).filter((p) => p.startsWith('node_modules/'));
  expect(bundled.length).toBeGreaterThan(50);
  expect(bundled.filter((p) => /\.map$/.test(p))).toEqual([]);
  expect(bundled.filter((p) => /\.[mc]?ts$/.test(p) && !/\.d\.[mc]?ts$/.test(p))).toEqual([]);
  expect(bundled.filter((p) => /^(node_modules\/[^/]+\/)+(test|benchmark|\.github)\//.test(p))).toEqual([]);
  // Declarations stay.
  expect(bundled).toContain('node_modules/js-yaml/dist/js-yaml.d.ts');
});

test('what runs is shipped: the library, the CLI, the prepared CRDs and the bundled parsers', () => {
  const paths = new Set(pack.files.map((f) => f.path));
  const expected = [
    'lib/index.js', 'lib/index.d.ts', 'lib/cli/main.js', '.jsii', 'package.json',
    'node_modules/js-yaml/package.json', 'node_modules/yaml/package.json', 'node_modules/ajv/package.json',
    // Each folder of imports/ with CRD YAMLs, as JSON.
    ...yamlFiles(path.join(ROOT, 'imports')).map((file) => `lib/crds/${path.relative(path.join(ROOT, 'imports'), path.dirname(file)).split(path.sep).join('/')}.json`),
  ];
  expect(expected.filter((p) => p.startsWith('lib/crds/')).length).toBeGreaterThanOrEqual(2);
  expect([...new Set(expected)].filter((file) => !paths.has(file))).toEqual([]);
  expect(pack.bundled).toEqual(expect.arrayContaining(['ajv', 'js-yaml', 'yaml']));
});

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}
