/**
 * Builds every upstream oracle into its cache outside the repository, so the
 * conformance and cluster suites later find them ready: kube-apiserver (and
 * etcd), the spotify operator's webhook program, the Helm chart renderer, and the Maven projects
 * around the Apache operator's classes. Each step is the suite's own
 * build-on-first-use function, so this only moves the work earlier: `.ci/run`
 * runs it in the background while `npm test` runs, using the second core.
 * A step that fails is reported and left to its suite, which fails with the
 * full message.
 */
import * as path from 'path';
import { buildChartOracle } from '../conformance/helm-chart/oracle';
import { JvmOracle } from '../conformance/support/jvm-oracle';
import { ensureBinaries } from '../test/cluster/binaries';
import { buildOracle } from '../test/conformance/spotify/oracle';

const ROOT = path.join(__dirname, '..');

const steps: Array<[string, () => unknown]> = [
  ['kube-apiserver and etcd', () => ensureBinaries((line) => console.log(`prepare-oracles: ${line}`))],
  ['spotify operator webhook oracle', () => buildOracle()],
  ['Helm chart oracle (Helm SDK)', () => buildChartOracle()],
  ['Apache operator classes (Maven)', () => JvmOracle.classpath(path.join(ROOT, 'conformance', 'apache-operator'), 'ignore')],
];

let failed = 0;
for (const [name, run] of steps) {
  const started = Date.now();
  try {
    run();
    console.log(`prepare-oracles: ${name} ready (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  } catch (e) {
    failed++;
    console.log(`prepare-oracles: ${name} not prepared: ${(e as Error).message.split('\n')[0]}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
