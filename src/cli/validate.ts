import * as fs from 'fs';
import { oneOf, parseCommandArgs } from './_args';
import { findYamlFiles, InputDocument, parseDocuments, readDocuments } from './_documents';
import { parseOperatorVersion } from './_operator-version';
import { loadPlugins } from './_plugins';
import { UsageError } from './_usage-error';
import { runPipeline } from '../hooks/_pipeline';
import { flattenConfiguration, upstreamOperatorConfiguration } from '../manifest/_configuration';
import type { FlinkResourceKind } from '../manifest/_fields';
import { OperatorVersion } from '../operator-version';
import { isFlinkCluster } from '../render/spotify/_crd';

/** Usage of `cdk8s-flink validate`. */
export const VALIDATE_USAGE = `Usage: cdk8s-flink validate [--operator-version 1.15|1.16] [--operator-config FILE] [--format text|json]
       [--plugin MODULE]... [--policy recommended|operator] [--strict-references] [--strict] PATH...

Validates every FlinkDeployment, FlinkSessionJob, FlinkStateSnapshot and
FlinkBlueGreenDeployment in the YAML files and directories given
(multi-document files; other documents are skipped) with the same mutators
and validators as cdk8s synth. A session job's cluster and a snapshot's job
are looked up among the documents given; one that is not there is a warning
(an error with --strict-references). FlinkClusters of the spotify
operator (flinkoperator.k8s.io/v1beta1) are checked against their CRD schema
and the operator's admission webhook rules for a new cluster.

  --operator-version V    the operator release to check against: its CRDs and
                          admission rules (1.15 or 1.16; default 1.16)
  --operator-config FILE  the operator's default configuration (flat or nested
                          YAML, as the Helm chart's defaultConfiguration),
                          merged over the upstream defaults
  --format text|json      text: one "file: Kind/name: message" line per error;
                          json: one array entry per Flink resource
  --plugin MODULE         a JS module exporting validators, mutators or
                          listeners (repeatable)
  --policy recommended|operator
                          recommended (default): everything synth applies, the
                          operator's admission rules and the library's policy
                          (no plain-text credentials in flinkConfiguration, Pod
                          Security "restricted" on the pod templates; a
                          resource opts out with the annotations
                          policy.cdk8s-flink.dev/pod-security: custom and
                          policy.cdk8s-flink.dev/plaintext-configuration-keys:
                          KEY,...); operator: the admission rules only
  --strict-references     a session job's cluster or a snapshot's job that is
                          not among the documents is an error, as the operator
                          finds it when the target is missing from the cluster
  --strict                every warning is an error (e.g. flinkConfiguration
                          keys the Flink version reads only as deprecated or
                          no longer reads)

Text output ends with a summary line: "N resources in M files: K errors,
W warnings"; with --format json the summary goes to stderr.
Exit codes: 0 all valid, 1 any invalid, 2 usage or unreadable input.`;

/** The outcome of one validation run. */
export interface ValidateOutcome {
  readonly exitCode: number;
  readonly stdout: string;
  /** Warnings that are not about one resource, and the summary with `--format json`. */
  readonly stderr: string;
}

/** One Flink resource's result. */
export interface ResourceReport {
  readonly file: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | null;
  readonly errors: string[];
  /** What could not be checked (a reference whose target is not among the inputs). */
  readonly warnings: string[];
}

/** How references to resources that are not among the inputs count. */
export interface ReferenceOptions {
  /** Whether a session job's cluster or a snapshot's job missing from the inputs is an error rather than a warning. */
  readonly strictReferences: boolean;
}

const FLINK_KINDS: FlinkResourceKind[] = ['FlinkDeployment', 'FlinkSessionJob', 'FlinkStateSnapshot', 'FlinkBlueGreenDeployment'];

/**
 * Runs `cdk8s-flink validate` with the given arguments (after the command
 * name). Throws `UsageError` for bad arguments and unreadable input.
 */
export function validateCommand(argv: string[], cwd: string = process.cwd()): ValidateOutcome {
  const args = parseValidateArgs(argv);
  if (args.help) {
    return { exitCode: 0, stdout: VALIDATE_USAGE + '\n', stderr: '' };
  }
  const operatorConfiguration = args.operatorConfig
    ? readOperatorConfig(args.operatorConfig, args.operatorVersion)
    : { ...upstreamOperatorConfiguration(args.operatorVersion) };
  const plugins = loadPlugins(args.plugins, cwd);
  const inputs = args.paths.map((p) => ({ path: p, files: findYamlFiles([p]) }));
  const files = [...new Set(inputs.flatMap((i) => i.files))];
  const checked = new Map(files.map((f) => [f, readDocuments(f).filter((doc) => isFlinkResource(doc) || isFlinkCluster(doc.value))]));
  const documents = files.flatMap((f) => checked.get(f)!);
  const reports = validateDocuments(documents, {
    defaultMutator: true,
    defaultValidator: true,
    ...plugins,
    operatorConfiguration,
    libraryPolicy: args.policy === 'recommended',
    operatorVersion: args.operatorVersion,
  }, { strictReferences: args.strictReferences }).map((r) => args.strict ? { ...r, errors: [...r.errors, ...r.warnings], warnings: [] } : r);
  const emptyPaths = inputs.filter((i) => i.files.every((f) => checked.get(f)!.length === 0))
    .map((i) => `${i.path}: warning: no Flink resource found (FlinkDeployment, FlinkSessionJob, FlinkStateSnapshot, FlinkBlueGreenDeployment or FlinkCluster)\n`);
  const errorCount = reports.reduce((n, r) => n + r.errors.length, 0);
  const warningCount = reports.reduce((n, r) => n + r.warnings.length, 0) + emptyPaths.length;
  const summary = `${reports.length} resource${reports.length === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}: `
    + `${errorCount} error${errorCount === 1 ? '' : 's'}, ${warningCount} warning${warningCount === 1 ? '' : 's'}\n`;
  const exitCode = errorCount > 0 ? 1 : 0;
  if (args.format === 'json') {
    return { exitCode, stdout: JSON.stringify(reports, undefined, 2) + '\n', stderr: emptyPaths.join('') + summary };
  }
  const lines = reports.flatMap((r) => [
    ...r.errors.map((e) => `${r.file}: ${r.kind}/${r.name}: ${e}\n`),
    ...r.warnings.map((w) => `${r.file}: ${r.kind}/${r.name}: warning: ${w}\n`),
  ]);
  return { exitCode, stdout: [...lines, ...emptyPaths, summary].join(''), stderr: '' };
}

/**
 * Runs the pipeline over documents: deployments first (so session jobs can
 * see their mutated session cluster), then session jobs (so snapshots can
 * see their mutated job), reports in input order. A snapshot whose job is
 * not among the documents is not reported as missing (it may be defined
 * elsewhere). Spotify operator FlinkClusters get their schema and webhook
 * errors (no hooks: those run on Flink Kubernetes Operator resources).
 */
export function validateDocuments(
  documents: InputDocument[],
  hooks: Parameters<typeof runPipeline>[0]['hooks'],
  references: ReferenceOptions = { strictReferences: false },
): ResourceReport[] {
  const results = new Map<InputDocument, { manifest: any; errors: string[]; warnings?: string[] }>();
  const sessions = new Map<string, any>();
  for (const doc of documents.filter((d) => d.value.kind === 'FlinkDeployment')) {
    const result = runPipeline({ kind: 'FlinkDeployment', manifest: doc.value, hooks, source: doc.file });
    results.set(doc, result);
    sessions.set(key(doc.value), result.manifest);
  }
  const jobs = new Map<string, any>();
  for (const doc of documents.filter((d) => d.value.kind === 'FlinkSessionJob')) {
    const targetKey = key({ metadata: { namespace: doc.value.metadata?.namespace, name: doc.value.spec?.deploymentName } });
    const target = sessions.get(targetKey);
    const result = runPipeline({ kind: 'FlinkSessionJob', manifest: doc.value, sessionDeployment: target, hooks, source: doc.file });
    const missing = target === undefined && typeof doc.value.spec?.deploymentName === 'string'
      ? [`session cluster FlinkDeployment ${targetKey} is not among the inputs, so the checks against it did not run`] : [];
    results.set(doc, references.strictReferences
      ? { ...result, errors: [...result.errors, ...missing] } : { ...result, warnings: [...result.warnings ?? [], ...missing] });
    jobs.set(key(doc.value), result.manifest);
  }
  for (const doc of documents.filter((d) => d.value.kind === 'FlinkBlueGreenDeployment')) {
    results.set(doc, runPipeline({ kind: 'FlinkBlueGreenDeployment', manifest: doc.value, hooks, source: doc.file }));
  }
  for (const doc of documents.filter((d) => isFlinkCluster(d.value))) {
    // The spotify backend's checks are loaded only when a FlinkCluster is met.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { flinkClusterErrors } = require('../render/spotify/_flink-cluster-errors') as typeof import('../render/spotify/_flink-cluster-errors');
    results.set(doc, { manifest: doc.value, errors: flinkClusterErrors(doc.value) });
  }
  for (const doc of documents.filter((d) => d.value.kind === 'FlinkStateSnapshot')) {
    const reference = doc.value.spec?.jobReference;
    const targetKey = key({ metadata: { namespace: doc.value.metadata?.namespace, name: reference?.name } });
    const target = reference?.kind === 'FlinkDeployment' ? sessions.get(targetKey)
      : reference?.kind === 'FlinkSessionJob' ? jobs.get(targetKey) : undefined;
    const result = runPipeline({
      kind: 'FlinkStateSnapshot',
      manifest: doc.value,
      snapshotTarget: target,
      hooks,
      source: doc.file,
      snapshotTargetMissing: references.strictReferences,
    });
    const needsTarget = target === undefined && typeof reference?.name === 'string' && reference?.kind !== undefined
      && doc.value.spec?.savepoint?.alreadyExists !== true
      && (doc.value.status === undefined || doc.value.status?.state === 'TRIGGER_PENDING');
    results.set(doc, references.strictReferences || !needsTarget ? result
      : { ...result, warnings: [...result.warnings ?? [], `${reference.kind} ${targetKey} is not among the inputs, so the checks against it did not run`] });
  }
  return documents.map((doc) => {
    const metadata = doc.value.metadata ?? {};
    return {
      file: doc.file,
      kind: doc.value.kind,
      name: String(metadata.name ?? ''),
      namespace: typeof metadata.namespace === 'string' ? metadata.namespace : null,
      errors: results.get(doc)!.errors,
      warnings: results.get(doc)!.warnings ?? [],
    };
  });
}

function key(manifest: any): string {
  return `${manifest?.metadata?.namespace ?? ''}/${manifest?.metadata?.name ?? ''}`;
}

function isFlinkResource(doc: InputDocument): boolean {
  const v = doc.value;
  return v !== null && typeof v === 'object' && typeof v.apiVersion === 'string'
    && v.apiVersion.startsWith('flink.apache.org/') && FLINK_KINDS.includes(v.kind);
}

function readOperatorConfig(file: string, version: OperatorVersion): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const documents = parseDocuments(text, file);
  if (documents.length > 1) {
    throw new UsageError(`${file}: the operator configuration must be one YAML document, got ${documents.length}`);
  }
  const value: unknown = documents[0]?.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${file}: the operator configuration must be a YAML map of configuration keys`);
  }
  return { ...upstreamOperatorConfiguration(version), ...flattenConfiguration(value) };
}

interface ValidateArgs {
  readonly help: boolean;
  readonly operatorConfig?: string;
  readonly operatorVersion: OperatorVersion;
  readonly format: 'text' | 'json';
  readonly plugins: string[];
  readonly strict: boolean;
  readonly paths: string[];
  readonly strictReferences: boolean;
  readonly policy: 'recommended' | 'operator';
}

function parseValidateArgs(argv: string[]): ValidateArgs {
  const { values, positionals } = parseCommandArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'help': { type: 'boolean', short: 'h' },
      'operator-config': { type: 'string' },
      'operator-version': { type: 'string' },
      'format': { type: 'string' },
      'plugin': { type: 'string', multiple: true },
      'strict-references': { type: 'boolean' },
      'policy': { type: 'string' },
      'strict': { type: 'boolean' },
    },
  });
  const format = oneOf('format', values.format, ['text', 'json']);
  const operatorVersion = parseOperatorVersion(values['operator-version']);
  const policy = oneOf('policy', values.policy, ['recommended', 'operator']);
  if (!values.help && positionals.length === 0) {
    throw new UsageError('no PATH given (see cdk8s-flink validate --help)');
  }
  return {
    help: values.help ?? false,
    operatorConfig: values['operator-config'],
    operatorVersion,
    format,
    plugins: values.plugin ?? [],
    strict: values.strict ?? false,
    paths: positionals,
    strictReferences: values['strict-references'] ?? false,
    policy,
  };
}
