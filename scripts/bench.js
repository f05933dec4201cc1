// Benchmark of synth cost (`npm run bench`; not part of `npm test`).
// Compares, in one process, `app.synth()` of N FlinkDeployments (application
// mode, built-in hooks on) against N raw cdk8s ApiObjects carrying the
// identical rendered manifests, and 2N in the same repeats (with raw's 2N/N
// for information, and rendering the objects without writing YAML); every
// ratio is the median of the repeats' ratios. Times the examples' cold `npm run synth`;
// then the cold-start figures in fresh processes (bench-cold-start.js):
// requiring the library, a FlinkOperator app's synth and `cdk8s-flink
// validate` on 10,000 documents, each against its floor. Prints a report,
// then one JSON line with the figures, and exits 1 when a target is missed.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ApiObject, App, Chart, Size } = require('cdk8s');
const { stringify } = require('yaml');
const { FlinkDeployment, FlinkVersion, UpgradeMode } = require('../lib');
const { coldStart, median, pairedRatio } = require('./bench-cold-start');

const ROOT = path.join(__dirname, '..');
const N = Number(process.env.BENCH_N || 1000);
const REPEATS = Number(process.env.BENCH_REPEATS || 7);
const VALIDATE_DOCS = 10000;
const TARGETS = {
  ratio: 1.5, scaling: 2.1, peakRssMiB: 512,
  requireRatio: 1.25, operatorSynthRatio: 1.5, validateDocsPerSecond: 5000, validateRatio: 2,
};

function libraryApp(n, outdir = os.tmpdir()) {
  const app = new App({ outdir });
  const chart = new Chart(app, 'bench', { namespace: 'flink' });
  for (let i = 0; i < n; i++) {
    new FlinkDeployment(chart, `job-${i}`, {
      image: 'flink:2.2',
      flinkVersion: FlinkVersion.V2_2,
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2', 'execution.checkpointing.interval': '30s' },
      jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
      taskManager: { memory: Size.mebibytes(4096), cpu: 2 },
      job: { jarUri: 'local:///opt/flink/examples/streaming/StateMachineExample.jar', parallelism: 2, upgradeMode: UpgradeMode.STATELESS },
    });
  }
  return app;
}

function rawApp(manifests, outdir = os.tmpdir()) {
  const app = new App({ outdir });
  const chart = new Chart(app, 'bench', { namespace: 'flink' });
  manifests.forEach((m, i) => new ApiObject(chart, `job-${i}`, m));
  return app;
}

/** The rendered objects of an app (what `cdk8s synth` writes). */
function render(app) {
  return app.charts.flatMap((c) => c.toJson());
}

/**
 * Milliseconds to build and synthesize an app: `app.synth()` writing its
 * YAML, as `cdk8s synth` does, or only rendering the objects (`objectsOnly`).
 */
function time(build, objectsOnly) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  const start = process.hrtime.bigint();
  const app = build(outdir);
  if (objectsOnly) {
    render(app);
  } else {
    app.synth();
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  fs.rmSync(outdir, { recursive: true, force: true });
  return ms;
}

/**
 * Median library and raw times for n resources, alternating runs so machine
 * noise hits both; the ratio is the median of each repeat's library/raw.
 */
function measure(n, objectsOnly = false) {
  const manifests = render(libraryApp(n));
  const lib = [];
  const raw = [];
  for (let r = 0; r < REPEATS; r++) {
    lib.push(time((outdir) => libraryApp(n, outdir), objectsOnly));
    raw.push(time((outdir) => rawApp(manifests, outdir), objectsOnly));
  }
  return { lib: median(lib), raw: median(raw), ratio: pairedRatio(lib, raw) };
}

/**
 * Median library and raw times for n and for 2n resources. Each repeat runs
 * all four (library n, raw n, library 2n, raw 2n), so a change of machine
 * load during the run hits n and 2n alike instead of only one of them; the
 * ratios are medians of each repeat's ratio.
 */
function measureScaling(n) {
  const sizes = [n, 2 * n];
  const manifests = sizes.map((size) => render(libraryApp(size)));
  const lib = sizes.map(() => []);
  const raw = sizes.map(() => []);
  for (let r = 0; r < REPEATS; r++) {
    sizes.forEach((size, i) => {
      lib[i].push(time((outdir) => libraryApp(size, outdir)));
      raw[i].push(time((outdir) => rawApp(manifests[i], outdir)));
    });
  }
  const [one, two] = sizes.map((_, i) => ({
    lib: median(lib[i]),
    raw: median(raw[i]),
    ratio: pairedRatio(lib[i], raw[i]),
  }));
  return {
    one,
    two,
    scaling: pairedRatio(lib[1], lib[0]),
    rawScaling: pairedRatio(raw[1], raw[0]),
  };
}

function coldSynthMs() {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'synth-examples.js')], { cwd: ROOT, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Writes the validate input, 100 rendered FlinkDeployments a file, into dir; returns the number of documents. */
function writeValidateInput(dir) {
  const docs = render(libraryApp(100));
  const text = docs.map((d) => stringify(d)).join('---\n');
  for (let f = 0; f < VALIDATE_DOCS / docs.length; f++) {
    fs.writeFileSync(path.join(dir, `apps-${f}.yaml`), text);
  }
  return VALIDATE_DOCS;
}

measure(Math.min(N, 200)); // warm up both paths
const { one, two, scaling, rawScaling } = measureScaling(N);
const objects = measure(N, true);
const peakRssMiB = +(process.resourceUsage().maxRSS / 1024).toFixed(1);
const cold = coldStart(REPEATS, writeValidateInput);
const figures = {
  n: N,
  libraryMsPerResource: +(one.lib / N).toFixed(4),
  rawMsPerResource: +(one.raw / N).toFixed(4),
  ratio: +one.ratio.toFixed(3),
  objectsOnlyRatio: +objects.ratio.toFixed(3),
  scaling2N: +scaling.toFixed(3),
  rawScaling2N: +rawScaling.toFixed(3),
  peakRssMiB,
  coldSynthExamplesMs: Math.round(coldSynthMs()),
  requireMs: cold.require.libraryMs,
  requirePeersMs: cold.require.baselineMs,
  requireRatio: cold.require.ratio,
  operatorSynthMs: cold.synth.libraryMs,
  operatorSynthRawMs: cold.synth.baselineMs,
  operatorSynthRatio: cold.synth.ratio,
  validateMs: cold.validate.libraryMs,
  parseOnlyMs: cold.validate.baselineMs,
  validateDocsPerSecond: cold.validate.documentsPerSecond,
  validateRatio: cold.validate.ratio,
  node: process.version,
  cpus: os.cpus().length,
};
const missed = [
  figures.ratio > TARGETS.ratio && `library/raw ${figures.ratio} > ${TARGETS.ratio}`,
  figures.scaling2N > TARGETS.scaling && `2N/N ${figures.scaling2N} > ${TARGETS.scaling}`,
  figures.peakRssMiB > TARGETS.peakRssMiB && `peak RSS ${figures.peakRssMiB} MiB > ${TARGETS.peakRssMiB}`,
  figures.requireRatio > TARGETS.requireRatio && `require library/peers ${figures.requireRatio} > ${TARGETS.requireRatio}`,
  figures.operatorSynthRatio > TARGETS.operatorSynthRatio && `FlinkOperator app library/raw ${figures.operatorSynthRatio} > ${TARGETS.operatorSynthRatio}`,
  figures.validateDocsPerSecond < TARGETS.validateDocsPerSecond && `validate ${figures.validateDocsPerSecond} docs/s < ${TARGETS.validateDocsPerSecond}`,
  figures.validateRatio > TARGETS.validateRatio && `validate/parse-only ${figures.validateRatio} > ${TARGETS.validateRatio}`,
].filter(Boolean);

console.log(`N=${N}: library ${one.lib.toFixed(1)} ms (${figures.libraryMsPerResource} ms/resource), raw ${one.raw.toFixed(1)} ms, ratio ${figures.ratio} (target <= ${TARGETS.ratio})`);
console.log(`  rendering objects only (no YAML written): library/raw ${figures.objectsOnlyRatio}`);
console.log(`2N=${2 * N}: library ${two.lib.toFixed(1)} ms, 2N/N ${figures.scaling2N} (target <= ${TARGETS.scaling}); raw ${two.raw.toFixed(1)} ms, 2N/N ${figures.rawScaling2N}`);
console.log(`peak RSS ${figures.peakRssMiB} MiB (target <= ${TARGETS.peakRssMiB}); cold npm run synth of the examples ${figures.coldSynthExamplesMs} ms`);
console.log(`cold start, fresh processes, medians of ${REPEATS} (require: ${cold.require.repeats}, validate: ${cold.validate.repeats}):`);
console.log(`  require('cdk8s-flink') ${figures.requireMs} ms vs cdk8s + cdk8s-plus-27 ${figures.requirePeersMs} ms: ratio ${figures.requireRatio} (target <= ${TARGETS.requireRatio})`);
console.log(`  FlinkOperator + 4 Flink resources, require + synth ${figures.operatorSynthMs} ms vs raw ApiObjects ${figures.operatorSynthRawMs} ms: ratio ${figures.operatorSynthRatio} (target <= ${TARGETS.operatorSynthRatio})`);
console.log(`  cdk8s-flink validate ${VALIDATE_DOCS} documents ${figures.validateMs} ms = ${figures.validateDocsPerSecond} documents/s (target >= ${TARGETS.validateDocsPerSecond}) vs parse-only (js-yaml) ${figures.parseOnlyMs} ms: ratio ${figures.validateRatio} (target <= ${TARGETS.validateRatio})`);
console.log(missed.length ? `MISSED: ${missed.join('; ')}` : 'all targets met');
console.log(JSON.stringify({ ...figures, targetsMet: missed.length === 0 }));
process.exitCode = missed.length ? 1 : 0;
