import * as fs from 'fs';
import { parseArgs } from 'util';
import { parse } from 'yaml';
import { findYamlFiles, InputDocument, readDocuments } from './_documents';
import { loadPlugins } from './_plugins';
import { UsageError } from './_usage-error';
import { flattenConfiguration, UPSTREAM_OPERATOR_CONFIGURATION } from '../hooks/_configuration';
import { FlinkResourceKind, runPipeline } from '../hooks/_pipeline';
import { OperatorVersion } from '../operator-version';
import { isFlinkCluster } from '../render/spotify/_crd';
import { flinkClusterErrors } from '../render/spotify/_flink-cluster-errors';

/** Usage of `cdk8s-flink validate`. */
export const VALIDATE_USAGE = `Usage: cdk8s-flink validate [--operator-version 1.15|1.16] [--operator-config FILE] [--format text|json] [--plugin MODULE]... PATH...

Validates every FlinkDeployment, FlinkSessionJob, FlinkStateSnapshot and
FlinkBlueGreenDeployment in the YAML files and directories given
(multi-document files; other documents are skipped) with the same mutators
and validators as cdk8s synth. A session job's cluster and a snapshot's job
are looked up among the documents given. FlinkClusters of the spotify
operator (flinkoperator.k8s.io/v1beta1) are checked against their CRD schema
and the operator's admission webhook rules for a new cluster.

  --operator-version V     the operator release to check against: its CRDs and
                          admission rules (1.15 or 1.16; default 1.16)
  --operator-config FILE  the operator's default configuration (flat or nested
                          YAML, as the Helm chart's defaultConfiguration),
                          merged over the upstream defaults
  --format text|json      text: one "file: Kind/name: message" line per error;
                          json: one array entry per Flink resource
  --plugin MODULE         a JS module exporting validators, mutators or
                          listeners (repeatable)

Exit codes: 0 all valid, 1 any invalid, 2 usage or unreadable input.`;

/** The outcome of one validation run. */
export interface ValidateOutcome {
  readonly exitCode: number;
  readonly stdout: string;
}

/** One Flink resource's result. */
export interface ResourceReport {
  readonly file: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | null;
  readonly errors: string[];
}

const FLINK_KINDS: FlinkResourceKind[] = ['FlinkDeployment', 'FlinkSessionJob', 'FlinkStateSnapshot', 'FlinkBlueGreenDeployment'];

/**
 * Runs `cdk8s-flink validate` with the given arguments (after the command
 * name). Throws `UsageError` for bad arguments and unreadable input.
 */
export function validateCommand(argv: string[], cwd: string = process.cwd()): ValidateOutcome {
  const args = parseValidateArgs(argv);
  if (args.help) {
    return { exitCode: 0, stdout: VALIDATE_USAGE + '\n' };
  }
  const operatorConfiguration = args.operatorConfig ? readOperatorConfig(args.operatorConfig) : { ...UPSTREAM_OPERATOR_CONFIGURATION };
  const plugins = loadPlugins(args.plugins, cwd);
  const documents = findYamlFiles(args.paths).flatMap(readDocuments).filter((doc) => isFlinkResource(doc) || isFlinkCluster(doc.value));
  const reports = validateDocuments(documents, {
    defaultMutator: true,
    defaultValidator: true,
    ...plugins,
    operatorConfiguration,
    operatorVersion: args.operatorVersion,
  });
  const invalid = reports.some((r) => r.errors.length > 0);
  const stdout = args.format === 'json'
    ? JSON.stringify(reports, undefined, 2) + '\n'
    : reports.flatMap((r) => r.errors.map((e) => `${r.file}: ${r.kind}/${r.name}: ${e}\n`)).join('');
  return { exitCode: invalid ? 1 : 0, stdout };
}

/**
 * Runs the pipeline over documents: deployments first (so session jobs can
 * see their mutated session cluster), then session jobs (so snapshots can
 * see their mutated job), reports in input order. A snapshot whose job is
 * not among the documents is not reported as missing (it may be defined
 * elsewhere). Spotify operator FlinkClusters get their schema and webhook
 * errors (no hooks: those run on Flink Kubernetes Operator resources).
 */
export function validateDocuments(documents: InputDocument[], hooks: Parameters<typeof runPipeline>[0]['hooks']): ResourceReport[] {
  const results = new Map<InputDocument, { manifest: any; errors: string[] }>();
  const sessions = new Map<string, any>();
  for (const doc of documents.filter((d) => d.value.kind === 'FlinkDeployment')) {
    const result = runPipeline({ kind: 'FlinkDeployment', manifest: doc.value, hooks, source: doc.file });
    results.set(doc, result);
    sessions.set(key(doc.value), result.manifest);
  }
  const jobs = new Map<string, any>();
  for (const doc of documents.filter((d) => d.value.kind === 'FlinkSessionJob')) {
    const target = sessions.get(key({ metadata: { namespace: doc.value.metadata?.namespace, name: doc.value.spec?.deploymentName } }));
    const result = runPipeline({ kind: 'FlinkSessionJob', manifest: doc.value, sessionDeployment: target, hooks, source: doc.file });
    results.set(doc, result);
    jobs.set(key(doc.value), result.manifest);
  }
  for (const doc of documents.filter((d) => d.value.kind === 'FlinkBlueGreenDeployment')) {
    results.set(doc, runPipeline({ kind: 'FlinkBlueGreenDeployment', manifest: doc.value, hooks, source: doc.file }));
  }
  for (const doc of documents.filter((d) => isFlinkCluster(d.value))) {
    results.set(doc, { manifest: doc.value, errors: flinkClusterErrors(doc.value) });
  }
  for (const doc of documents.filter((d) => d.value.kind === 'FlinkStateSnapshot')) {
    const reference = doc.value.spec?.jobReference;
    const targetKey = key({ metadata: { namespace: doc.value.metadata?.namespace, name: reference?.name } });
    const target = reference?.kind === 'FlinkDeployment' ? sessions.get(targetKey)
      : reference?.kind === 'FlinkSessionJob' ? jobs.get(targetKey) : undefined;
    results.set(doc, runPipeline({ kind: 'FlinkStateSnapshot', manifest: doc.value, snapshotTarget: target, hooks, source: doc.file }));
  }
  return documents.map((doc) => {
    const metadata = doc.value.metadata ?? {};
    return {
      file: doc.file,
      kind: doc.value.kind,
      name: String(metadata.name ?? ''),
      namespace: typeof metadata.namespace === 'string' ? metadata.namespace : null,
      errors: results.get(doc)!.errors,
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

function readOperatorConfig(file: string): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let value: unknown;
  try {
    value = parse(text, { maxAliasCount: 1000 }) ?? {};
  } catch (e) {
    throw new UsageError(`${file}: malformed YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${file}: the operator configuration must be a YAML map of configuration keys`);
  }
  return { ...UPSTREAM_OPERATOR_CONFIGURATION, ...flattenConfiguration(value) };
}

interface ValidateArgs {
  readonly help: boolean;
  readonly operatorConfig?: string;
  readonly operatorVersion: OperatorVersion;
  readonly format: 'text' | 'json';
  readonly plugins: string[];
  readonly paths: string[];
}

function parseValidateArgs(argv: string[]): ValidateArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'help': { type: 'boolean', short: 'h' },
        'operator-config': { type: 'string' },
        'operator-version': { type: 'string' },
        'format': { type: 'string' },
        'plugin': { type: 'string', multiple: true },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`--format must be text or json, got '${format}'`);
  }
  const operatorVersion = values['operator-version'] === undefined ? OperatorVersion.LATEST
    : OperatorVersion.ALL.find((v) => v.minorVersion === values['operator-version'] || v.version === values['operator-version']);
  if (operatorVersion === undefined) {
    throw new UsageError(`--operator-version must be ${OperatorVersion.ALL.map((v) => v.minorVersion).join(' or ')}, got '${values['operator-version']}'`);
  }
  if (!values.help && positionals.length === 0) {
    throw new UsageError('no PATH given (see cdk8s-flink validate --help)');
  }
  return {
    help: values.help ?? false,
    operatorConfig: values['operator-config'],
    operatorVersion,
    format,
    plugins: values.plugin ?? [],
    paths: positionals,
  };
}
