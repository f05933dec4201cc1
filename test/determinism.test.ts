import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

const ROOT = path.join(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/** Every file an example app writes, by relative path. */
function render(example: string): Record<string, string> {
  const outdir = fs.mkdtempSync(path.join(ROOT, '.test-synth-determinism-'));
  try {
    const run = spawnSync(process.execPath, [TSX, 'main.ts'], {
      cwd: path.join(ROOT, 'examples', example),
      env: { ...process.env, CDK8S_OUTDIR: outdir },
      encoding: 'utf8',
    });
    expect(run.stderr).toEqual('');
    expect(run.status).toBe(0);
    const files: Record<string, string> = {};
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          walk(full);
        } else {
          files[path.relative(outdir, full)] = fs.readFileSync(full, 'utf8');
        }
      }
    };
    walk(outdir);
    return files;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

// Two separate processes, so nothing cached in memory can make them agree.
test.each(['argocd', 'operator'])('examples/%s renders byte-identical output in two runs', (example) => {
  const first = render(example);
  expect(Object.keys(first).length).toBeGreaterThan(0);
  expect(render(example)).toEqual(first);
  // Nothing the cluster fills in: the CRDs' schemas name these fields, the objects must not set them.
  const objects = Object.values(first).flatMap((text) => parseAllDocuments(text).map((d) => d.toJS()))
    .filter((o) => o.kind !== 'CustomResourceDefinition');
  expect(objects.length).toBeGreaterThan(3);
  expect(JSON.stringify(objects)).not.toMatch(/"caBundle"|"creationTimestamp"/);
});
