/**
 * The typed hook manifests: generated from the vendored CRDs (and up to
 * date), and strict enough that a misspelled field does not compile.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import * as ts from 'typescript';
import { FlinkDeployment, FlinkDeploymentManifest, FlinkHooks, FlinkResourceEvent, FlinkSessionJobManifest } from '../../src';
import { deploymentProps, STATE_MACHINE_JAR } from '../support/fixtures';

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator: { OUTPUT: string; generate(): string } = require('../../scripts/generate-manifest-types.js');

/** The strict compiler diagnostics of a snippet that imports the hook types, one line each. */
function typeErrors(snippet: string): string[] {
  const dir = fs.mkdtempSync(path.join(ROOT, '.test-manifest-types-'));
  try {
    const file = path.join(dir, 'snippet.ts');
    fs.writeFileSync(file, [
      "import { FlinkDeploymentManifest } from '../src/hooks/manifest-types';",
      "import { IFlinkResourceMutator } from '../src/hooks/mutator';",
      "import { IFlinkResourceValidator } from '../src/hooks/validator';",
      snippet,
    ].join('\n'));
    const config = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, ROOT);
    const program = ts.createProgram([file], { ...config.options, noEmit: true, noUnusedLocals: false, rootDir: ROOT });
    return ts.getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === file)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('typed hook manifests', () => {
  test('src/hooks/manifest-types.ts is what the generator makes of the vendored CRDs', () => {
    expect(fs.readFileSync(generator.OUTPUT, 'utf8')).toEqual(generator.generate());
  });

  test('they cover every spec field of the newest CRDs outside pod templates', () => {
    const content = generator.generate();
    for (const field of ['jarURI', 'upgradeMode', 'jobManager', 'status', 'deploymentName', 'jobReference', 'disposeOnDelete', 'backoffLimit', 'ephemeralStorage']) {
      expect(content).toMatch(new RegExp(`readonly ${field}\\??: `));
    }
    expect(content).toContain('export interface FlinkDeploymentManifest extends FlinkResourceManifest {');
    expect(content).toContain('export interface FlinkSessionJobManifest extends FlinkResourceManifest {');
    expect(content).toContain('export interface FlinkStateSnapshotManifest extends FlinkResourceManifest {');
  });

  describe('under the strict compiler options', () => {
    // One program per snippet: the valid one shows that the invalid ones fail for the misspelling alone.
    test.each([
      ['a validator reading spec.image', 'const v: IFlinkResourceValidator = { validateDeployment: (d) => d.spec?.image, validateSessionJob: (j) => j.spec?.deploymentName };', []],
      ['a validator reading spec.imgae', 'const v: IFlinkResourceValidator = { validateDeployment: (d) => d.spec?.imgae, validateSessionJob: () => undefined };',
        [/Property 'imgae' does not exist on type 'FlinkDeploymentManifestSpec'/]],
      ['a mutator returning a misspelled field', 'const m: IFlinkResourceMutator = { mutateDeployment: (d): FlinkDeploymentManifest => ({ ...d, spec: { ...d.spec, imgae: "x" } }), mutateSessionJob: (j) => j };',
        [/'imgae' does not exist in type 'FlinkDeploymentManifestSpec'/]],
      ['a mutator returning something else', 'const m: IFlinkResourceMutator = { mutateDeployment: () => "x", mutateSessionJob: (j) => j };',
        [/Type 'string' is not assignable to type 'FlinkDeploymentManifest'/]],
      ['a parallelism given as a string', 'const d: FlinkDeploymentManifest = { apiVersion: "flink.apache.org/v1beta1", kind: "FlinkDeployment", metadata: {}, spec: { job: { parallelism: "2" } } };',
        [/Type 'string' is not assignable to type 'number'/]],
    ] as Array<[string, string, RegExp[]]>)('%s', (_what, snippet, expected) => {
      const errors = typeErrors(snippet);
      expect(errors).toHaveLength(expected.length);
      expected.forEach((pattern, i) => expect(errors[i]).toMatch(pattern));
    }, 120_000);
  });

  test('hooks get the wire manifests the types describe, and a mutator returns one', () => {
    const chart = Testing.chart();
    const seen: string[] = [];
    FlinkHooks.of(chart).addMutator({
      mutateDeployment: (d: FlinkDeploymentManifest): FlinkDeploymentManifest =>
        ({ ...d, spec: { ...d.spec, job: { ...d.spec?.job, parallelism: 3 } } }),
      mutateSessionJob: (j: FlinkSessionJobManifest): FlinkSessionJobManifest => j,
    });
    FlinkHooks.of(chart).addValidator({
      validateDeployment: (d) => {
        seen.push(`${d.spec?.job?.jarURI} ${d.spec?.job?.parallelism} ${d.spec?.jobManager?.resource?.memory}`);
        return undefined;
      },
      validateSessionJob: () => undefined,
    });
    const events: FlinkResourceEvent[] = [];
    FlinkHooks.of(chart).addListener({ onMutated: (e) => events.push(e), onValidationFailed: () => {}, onRendered: () => {} });
    new FlinkDeployment(chart, 'd', deploymentProps({ job: { jarUri: STATE_MACHINE_JAR } }));
    const [doc] = Testing.synth(chart);
    expect(seen).toEqual([`${STATE_MACHINE_JAR} 3 2048m`]);
    expect(doc.spec.job.parallelism).toEqual(3);
    expect(events.map((e) => [e.manifest.kind, e.manifest.metadata.name])).toEqual([['FlinkDeployment', 'd']]);
  });
});
