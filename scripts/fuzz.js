#!/usr/bin/env node
// `npm run fuzz`: runs the props properties (test/fuzz/main.fuzz.ts) with
// FUZZ_RUNS cases in total (default 10,000) and prints
// `fuzz: N cases, M failures`, and per construct the share of cases that
// synthesized. Exits non-zero when a property fails or when less than half
// of a construct's cases synthesized.
// FUZZ_SEED=<seed> replays a run.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-fuzz-')), 'report.jsonl');
const runs = process.env.FUZZ_RUNS ?? '10000';
const started = Date.now();
const jest = spawnSync(process.execPath, [
  require.resolve('jest/bin/jest', { paths: [root] }),
  '--config', path.join(root, 'test', 'fuzz', 'jest.fuzz.config.js'),
  '--runInBand', ...process.argv.slice(2),
], { cwd: root, stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: runs, FUZZ_REPORT: report } });

const entries = fs.existsSync(report)
  ? fs.readFileSync(report, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
  : [];
fs.rmSync(path.dirname(report), { recursive: true, force: true });
const cases = entries.reduce((n, e) => n + e.cases, 0);
const failures = entries.filter((e) => e.failed).length;
for (const e of entries) {
  const synthesized = e.outcomes.synthesized ?? 0;
  const share = e.cases > 0 ? ((100 * synthesized) / e.cases).toFixed(1) : '0.0';
  console.log(`fuzz: ${e.property}: ${e.cases} cases, ${synthesized} synthesized (${share}%)${e.failed ? ', FAILED' : ''} ${JSON.stringify(e.outcomes)}`);
}
console.log(`fuzz: ${cases} cases, ${failures} failures (${((Date.now() - started) / 1000).toFixed(1)} s)`);
const unbalanced = entries.filter((e) => (e.outcomes.synthesized ?? 0) * 2 < e.cases).map((e) => e.property);
if (unbalanced.length > 0) {
  console.log(`fuzz: less than half of the cases synthesized for ${unbalanced.join(', ')}`);
}
process.exitCode = jest.status !== 0 || failures > 0 || entries.length === 0 || unbalanced.length > 0 ? 1 : 0;
