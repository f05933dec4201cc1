import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { runCli } from '../../src/cli/main';
import { upstreamDocuments } from '../support/upstream';

// Broken copies of the operator's own examples (the vendored 1.15.0 ones, so
// checked against 1.15) must be reported with the
// operator's own messages.

/** File, what to break, and the expected `Kind/name: message` lines. */
type Breakage = [string, (docs: any[]) => void, string[]];

const BREAKAGES: Breakage[] = [
  ['basic.yaml', (d) => { d[0].spec.job.parallelism = 0; }, ['FlinkDeployment/basic-example: Job parallelism must be larger than 0']],
  ['basic.yaml', (d) => { delete d[0].spec.flinkVersion; }, ['FlinkDeployment/basic-example: Flink Version must be defined.']],
  ['basic.yaml', (d) => { d[0].spec.flinkVersion = 'v1_14'; }, ['FlinkDeployment/basic-example: Flink version v1_14 is not supported by this operator version']],
  ['basic.yaml', (d) => { d[0].spec.flinkConfiguration['kubernetes.namespace'] = 'x'; }, ['FlinkDeployment/basic-example: Forbidden Flink config key: kubernetes.namespace']],
  ['basic.yaml', (d) => { delete d[0].spec.jobManager.resource.memory; }, ['FlinkDeployment/basic-example: JobManager resource memory must be defined using `spec.jobManager.resource.memory`']],
  ['basic.yaml', (d) => { d[0].spec.job.upgradeMode = 'savepoint'; }, [
    'FlinkDeployment/basic-example: Checkpoint directory[execution.checkpointing.dir] must be defined for last-state and savepoint upgrade modes',
    'FlinkDeployment/basic-example: Job could not be upgraded with savepoint while config key[execution.checkpointing.savepoint-dir] is not set',
  ]],
  ['custom-logging.yaml', (d) => { d[0].spec.logConfiguration['log4j.properties'] = 'x'; }, [
    'FlinkDeployment/custom-logging-example: Invalid log config key: log4j.properties. Allowed keys are [log4j-console.properties, logback-console.xml]',
  ]],
  ['basic-session-deployment-and-job.yaml', (d) => {
    d[0].spec.job = { jarURI: 'local:///opt/flink/examples/streaming/StateMachineExample.jar', parallelism: 2 };
  }, [
    'FlinkSessionJob/basic-session-job-example: Can not submit session job to application cluster',
    'FlinkSessionJob/basic-session-job-example2: Can not submit session job to application cluster',
  ]],
];

describe('cdk8s-flink validate on broken upstream examples', () => {
  test.each(BREAKAGES)('%s broken (case %#) reports the upstream messages', (file, breakIt, lines) => {
    const docs = upstreamDocuments(file);
    breakIt(docs);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broken-'));
    const target = path.join(dir, path.basename(file));
    fs.writeFileSync(target, docs.map((d) => stringify(d)).join('---\n'));

    let out = '';
    const code = runCli(['validate', '--operator-version', '1.15', target], (s) => { out += s; }, () => undefined);

    expect(code).toBe(1);
    expect(out).toEqual(lines.map((line) => `${target}: ${line}\n`).join('')
      + `${docs.length} resource${docs.length === 1 ? '' : 's'} in 1 file: ${lines.length} error${lines.length === 1 ? '' : 's'}, 0 warnings\n`);
  });
});
