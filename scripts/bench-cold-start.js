// Cold-start figures of `npm run bench`: each side of a ratio runs in fresh
// Node.js processes, alternating with the other side so machine load hits
// both, and the ratio is the median of the ratios of the pairs.
//
// - require: `require('cdk8s-flink')` against requiring its peers `cdk8s`
//   and `cdk8s-plus-27` (time spent in `require`, measured in the process;
//   three times the repeats: a figure of a tenth of a second needs more
//   samples than the others for the same precision, and costs little);
// - synth: an app with a FlinkOperator and four Flink resources against the
//   same objects as raw cdk8s ApiObjects read from JSON (require, build and
//   `app.synth()` writing YAML, measured in the process);
// - validate: `cdk8s-flink validate` on 10,000 documents against parsing the
//   same files alone with the CLI's YAML parser (whole processes, wall time;
//   twice the repeats: on a machine with few shared CPUs the parse time of
//   the same files varies by a third from one process to the next).
//
// Run as a script with a scenario name, it is the child process of one
// measurement and prints its milliseconds.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');

/** The FlinkOperator app: an operator and four Flink resources, one of each kind a small platform has. */
function operatorApp(lib, cdk8s, outdir) {
  const app = new cdk8s.App({ outdir });
  const chart = new cdk8s.Chart(app, 'platform', { namespace: 'flink' });
  new lib.FlinkOperator(chart, 'operator', { watchNamespaces: ['flink'] });
  const resources = { memory: cdk8s.Size.mebibytes(2048), cpu: 1 };
  const application = new lib.FlinkDeployment(chart, 'state-machine', {
    image: 'flink:2.2',
    flinkVersion: lib.FlinkVersion.V2_2,
    flinkConfiguration: {
      'taskmanager.numberOfTaskSlots': '2',
      'execution.checkpointing.interval': '30s',
      'execution.checkpointing.dir': 's3://flink-state/state-machine/checkpoints',
      'execution.checkpointing.savepoint-dir': 's3://flink-state/state-machine/savepoints',
    },
    jobManager: resources,
    taskManager: resources,
    job: { jarUri: 'local:///opt/flink/examples/streaming/StateMachineExample.jar', parallelism: 2, upgradeMode: lib.UpgradeMode.SAVEPOINT },
  });
  application.addSavepoint('state-machine-savepoint', { disposeOnDelete: false });
  const session = new lib.FlinkDeployment(chart, 'session', {
    image: 'flink:2.2',
    flinkVersion: lib.FlinkVersion.V2_2,
    jobManager: resources,
    taskManager: resources,
  });
  session.addSessionJob('top-speed', {
    job: {
      jarUri: 'https://artifacts.example.com/flink/TopSpeedWindowing.jar',
      parallelism: 2,
      upgradeMode: lib.UpgradeMode.STATELESS,
    },
  });
  return app;
}

/** The scenarios a child process runs; each returns when its work is done. */
const SCENARIOS = {
  'require-library': () => require(ROOT),
  'require-peers': () => {
    require('cdk8s');
    require('cdk8s-plus-27');
  },
  'synth-library': (outdir) => operatorApp(require(ROOT), require('cdk8s'), outdir).synth(),
  'synth-raw': (outdir, manifestsFile) => {
    const { ApiObject, App, Chart } = require('cdk8s');
    const app = new App({ outdir });
    const chart = new Chart(app, 'platform');
    JSON.parse(fs.readFileSync(manifestsFile, 'utf8')).forEach((m, i) => new ApiObject(chart, `o${i}`, m));
    app.synth();
  },
  'parse-only': (dir) => {
    const { loadAll } = require('js-yaml');
    for (const file of fs.readdirSync(dir).sort()) {
      loadAll(fs.readFileSync(path.join(dir, file), 'utf8'));
    }
  },
};

/** Milliseconds of one scenario in a fresh process: its own measure (in process) or the wall time. */
function run(scenario, args, wallTime = false) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [__filename, scenario, ...args], { cwd: ROOT, encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) {
    throw new Error(`${scenario} failed (${child.status}): ${child.stderr}`);
  }
  return wallTime ? wallMs : Number(child.stdout.trim());
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The median of the per-repeat ratios a[i] / b[i] of two sides measured in the same repeats. */
function pairedRatio(a, b) {
  return median(a.map((ms, i) => ms / b[i]));
}

/**
 * Two sides measured in alternating fresh processes, one of each per
 * repeat: the median milliseconds of each side, and the ratio as the median
 * of the per-repeat ratios (a process of each side runs back to back, so a
 * slow spell of the machine hits both sides of the same ratio).
 */
function compare(repeats, library, baseline) {
  const a = [];
  const b = [];
  for (let r = 0; r < repeats; r++) {
    a.push(library());
    b.push(baseline());
  }
  const libraryMs = median(a);
  const baselineMs = median(b);
  const ratio = pairedRatio(a, b);
  return { libraryMs: Math.round(libraryMs), baselineMs: Math.round(baselineMs), ratio: +ratio.toFixed(3), repeats };
}

/**
 * The cold-start figures. `writeDocuments(dir)` writes the validate input
 * into `dir` and returns the number of documents.
 */
function coldStart(repeats, writeDocuments) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cold-'));
  try {
    const outdir = path.join(work, 'out');
    const manifests = path.join(work, 'manifests.json');
    const app = operatorApp(require(ROOT), require('cdk8s'), outdir);
    fs.writeFileSync(manifests, JSON.stringify(app.charts.flatMap((c) => c.toJson())));
    const docsDir = path.join(work, 'docs');
    fs.mkdirSync(docsDir);
    const documents = writeDocuments(docsDir);
    const bin = path.join(ROOT, 'lib', 'cli', 'main.js');
    const validateMs = () => {
      const start = process.hrtime.bigint();
      const child = spawnSync(process.execPath, [bin, 'validate', docsDir], { encoding: 'utf8' });
      if (child.status !== 0) {
        throw new Error(`cdk8s-flink validate failed (${child.status}): ${child.stderr || child.stdout}`);
      }
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const validate = compare(2 * repeats, validateMs, () => run('parse-only', [docsDir], true));
    return {
      require: compare(3 * repeats, () => run('require-library', []), () => run('require-peers', [])),
      synth: compare(repeats, () => run('synth-library', [outdir]), () => run('synth-raw', [outdir, manifests])),
      validate: { ...validate, documents, documentsPerSecond: Math.round(documents / (validate.libraryMs / 1000)) },
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [scenario, ...args] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  SCENARIOS[scenario](...args);
  process.stdout.write(`${Number(process.hrtime.bigint() - start) / 1e6}\n`);
} else {
  module.exports = { coldStart, median, pairedRatio };
}
