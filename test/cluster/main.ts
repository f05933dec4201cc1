/**
 * `npm run test:cluster`: a real kube-apiserver and etcd on 127.0.0.1; every
 * rendered object (the examples' dist/ and generated apps) is server-side
 * applied with strict field validation and must come back with every field it
 * was sent. Prints `cluster: N objects accepted, R rejected, P pruned fields`
 * and exits non-zero on any rejection, pruned field or failed check.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { ApiClient, KubeObject } from './api-client';
import { ApplyRun } from './apply-run';
import { ensureBinaries } from './binaries';
import { ANNOTATIONS_SIZE_LIMIT, clientSideCreate } from './client-side-apply';
import { ControlPlane } from './control-plane';
import { generatedApps, RenderedApp } from './generated-apps';
import { FlinkOperator } from '../../src/operator/flink-operator';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cluster-crds');
const log = (line: string) => console.log(`cluster: ${line}`);

async function main(): Promise<number> {
  const started = Date.now();
  const binaries = ensureBinaries(log);
  log(`kube-apiserver ${binaries.version} (${binaries.buildSeconds ? `built in ${binaries.buildSeconds.toFixed(0)} s` : 'cached'}), etcd ${binaries.etcd}`);
  const examples = exampleApps();
  const generated = generatedApps();

  const plane = await ControlPlane.start(binaries, log);
  try {
    const run = new ApplyRun(plane.client);
    const problems: string[] = [];

    // Why the CRDs are applied server-side: client-side apply first, on an empty cluster.
    const flinkDeploymentCrd = libraryCrds().find((c) => c.metadata.name === 'flinkdeployments.flink.apache.org')!;
    const csa = await clientSideCreate(plane.client, flinkDeploymentCrd);
    const csaRejected = csa.response.status === 422 && /Too long/.test(csa.response.text);
    log(`client-side apply of CRD ${flinkDeploymentCrd.metadata.name}: ${csaRejected ? 'rejected' : `HTTP ${csa.response.status}`} `
      + `(annotations ${csa.annotationBytes} bytes, limit ${ANNOTATIONS_SIZE_LIMIT})${csaRejected ? `: ${csa.response.json.message}` : ''}`);
    if (csa.response.status === 201) {
      // Accepted: remove it, so that server-side apply below creates the CRD afresh.
      await deleteAndWait(plane.client, `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${flinkDeploymentCrd.metadata.name}`);
    }

    await run.applyApp('crds', [...libraryCrds(), ...fixtureCrds()], { keep: true });
    const crdFailures = run.failures.length;
    log(`server-side apply of ${libraryCrds().length} library CRDs and ${fixtureCrds().length} vendored CRDs: ${crdFailures ? 'FAILED' : 'accepted'}`);

    for (const app of [...examples, ...generated]) {
      await run.applyApp(app.name, app.objects);
    }
    log(`${examples.length} example apps, ${generated.length} generated apps; webhook configurations accepted: ${run.webhookConfigurations}`);
    if (run.webhookConfigurations === 0) {
      problems.push('no webhook configuration was applied');
    }
    if (process.env.CLUSTER_TEST_VERBOSE) {
      run.normalizedValues.forEach((v) => log(`normalized ${v}`));
      run.omittedZeroValues.forEach((v) => log(`omitted zero value ${v}`));
    }
    log(`${run.omittedZeroValues.length} sent zero values ('', 0, false) were left out by the server (omitempty; not failures)`);
    log(`${run.normalizedValues.length} sent values came back normalized (not failures; CLUSTER_TEST_VERBOSE=1 lists them)`);
    for (const f of run.failures) {
      console.error(`cluster: FAIL [${f.app}] ${f.object}: ${f.problem}`);
    }
    for (const p of problems) {
      console.error(`cluster: FAIL ${p}`);
    }
    console.log(`cluster: ${run.accepted} objects accepted, ${run.rejected} rejected, ${run.prunedFields} pruned fields (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return run.failures.length || problems.length ? 1 : 0;
  } catch (e) {
    console.error(`cluster: FAIL ${(e as Error).message}\n${plane.logTail()}`);
    return 1;
  } finally {
    plane.stop();
  }
}

/** Deletes an object and waits (up to 60 s) until it is gone. */
async function deleteAndWait(client: ApiClient, objectPath: string): Promise<void> {
  await client.request('DELETE', objectPath);
  const deadline = Date.now() + 60_000;
  while ((await client.request('GET', objectPath)).status !== 404) {
    if (Date.now() > deadline) {
      throw new Error(`${objectPath} still exists 60 s after its deletion`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Every example's rendered output, one app per example (run `npm run synth` first). */
function exampleApps(): RenderedApp[] {
  const dir = path.join(ROOT, 'examples');
  const apps = fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, 'cdk8s.yaml'))).sort().map((d) => {
    const dist = path.join(dir, d, 'dist');
    if (!fs.existsSync(dist)) {
      throw new Error(`examples/${d}/dist is missing: run \`npm run synth\` first`);
    }
    return { name: `examples/${d}`, objects: yamlFiles(dist).flatMap(readObjects) };
  });
  return apps;
}

/**
 * The library's CRDs: the Flink CRDs exactly as FlinkOperator renders them for its default release, and the
 * spotify operator's FlinkCluster CRD (imports/), which the SPOTIFY_OPERATOR backend needs. The API server refuses
 * a CRD of a `*.k8s.io` group (the spotify operator's `flinkoperator.k8s.io`) without the
 * `api-approved.kubernetes.io` annotation, which the vendored upstream CRD lacks: it is added here.
 */
function libraryCrds(): KubeObject[] {
  const chart = Testing.chart();
  new FlinkOperator(chart, 'operator', { namespace: 'flink-operator' });
  const flink = Testing.synth(chart).filter((o: KubeObject) => o.kind === 'CustomResourceDefinition');
  const spotify = yamlFiles(path.join(ROOT, 'imports', 'spotify-flink-on-k8s-operator')).flatMap(readObjects).map((crd) => {
    const protectedGroup = /(^|\.)(k8s|kubernetes)\.io$/.test(crd.spec.group);
    if (!protectedGroup || crd.metadata.annotations?.['api-approved.kubernetes.io']) {
      return crd;
    }
    const annotations = { ...crd.metadata.annotations, 'api-approved.kubernetes.io': 'unapproved, third-party group' };
    return { ...crd, metadata: { ...crd.metadata, annotations } };
  });
  return [...flink, ...spotify];
}

/** The vendored CRDs of cert-manager and Argo CD, checked against their SHA256SUMS. */
function fixtureCrds(): KubeObject[] {
  const sums = fs.readFileSync(path.join(FIXTURES, 'SHA256SUMS'), 'utf8').trim().split('\n').map((l) => l.split(/\s+/));
  return sums.flatMap(([sum, file]) => {
    const text = fs.readFileSync(path.join(FIXTURES, file));
    if (createHash('sha256').update(text).digest('hex') !== sum) {
      throw new Error(`${path.join(FIXTURES, file)} does not match its SHA256SUMS entry`);
    }
    return readObjects(path.join(FIXTURES, file));
  });
}

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(e.name) ? [full] : [];
  });
}

function readObjects(file: string): KubeObject[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).map((doc) => {
    if (doc.errors.length) {
      throw new Error(`${file}: ${doc.errors[0].message}`);
    }
    return doc.toJS();
  }).filter((o): o is KubeObject => o && typeof o === 'object' && typeof o.kind === 'string');
}

main().then((code) => process.exit(code), (e) => {
  console.error(`cluster: FAIL ${(e as Error).message}`);
  process.exit(1);
});
