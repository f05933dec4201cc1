import * as fs from 'fs';
import * as path from 'path';
import { oneOf, parseCommandArgs } from './_args';
import { readCdk8sConfig } from './_cdk8s-config';
import { findYamlFiles, InputDocument, readDocuments } from './_documents';
import { documentsAtRevision, isGitRevision } from './_git-tree';
import { parseOperatorVersion } from './_operator-version';
import { OperatorVersion } from '../operator-version';
import { UsageError } from './_usage-error';
import { Risk } from '../plan/_consequence';
import { plan } from '../plan/_plan';
import { planMarkdown } from '../plan/_plan-markdown';
import { planJson, planText } from '../plan/_plan-report';

/** Usage of `cdk8s-flink plan`. */
export const PLAN_USAGE = `Usage: cdk8s-flink plan --base <DIR | GIT-REF[:PATH]> [PATH...] [--format text|markdown|json]
                        [--operator-version ${OperatorVersion.all().map((v) => v.minorVersion).join('|')}] [--fail-on state-loss|upgrade]

Compares the rendered manifests in PATH (default: the "output" of ./cdk8s.yaml,
else dist) with the base ones and tells, for every Flink resource, what the
Flink Kubernetes Operator will do: created, deleted, changed or unchanged; the
operator's diff type (IGNORE, SCALE, UPGRADE, SAVEPOINT_REDEPLOY) and the fields
that decide it; the consequence for the job's state under its upgradeMode.
Other objects are listed as created, changed or deleted only.

  --base DIR | REF[:PATH]  the manifests before the change: a directory, or a
                           git revision (PATH from the repository root; default
                           the same PATHs at that revision)
  --format FORMAT          text (default), markdown (a pull-request comment with
                           a summary table and a Mermaid diagram) or json
  --operator-version V     the operator release whose rules apply (default ${OperatorVersion.LATEST.minorVersion})
  --fail-on state-loss     exit 1 when a change can lose a job's state
  --fail-on upgrade        exit 1 when a change restarts a job or cluster

Exit codes: 0 planned, 1 a --fail-on condition holds, 2 usage or unreadable input.`;

/** The outcome of one plan run. */
export interface PlanOutcome {
  readonly exitCode: number;
  readonly stdout: string;
}

/** Runs `cdk8s-flink plan` with the arguments after the command name. */
export function planCommand(argv: string[], cwd: string = process.cwd()): PlanOutcome {
  const args = parsePlanArgs(argv);
  if (args.help) {
    return { exitCode: 0, stdout: PLAN_USAGE + '\n' };
  }
  const paths = args.paths.length > 0 ? args.paths : [readCdk8sConfig(cwd).output ?? 'dist'];
  const after = findYamlFiles(paths.map((p) => path.resolve(cwd, p))).flatMap(readDocuments);
  const before = readBase(cwd, args.base!, paths);
  const changes = plan(before.map((d) => d.value), after.map((d) => d.value), { operatorVersion: args.operatorVersion });
  const stdout = args.format === 'json' ? planJson(changes)
    : args.format === 'markdown' ? planMarkdown(changes, args.operatorVersion) : planText(changes);
  const threshold = args.failOn === 'state-loss' ? Risk.STATE_LOSS : args.failOn === 'upgrade' ? Risk.RESTART : undefined;
  const failed = threshold !== undefined && changes.some((c) => c.risk >= threshold);
  return { exitCode: failed ? 1 : 0, stdout };
}

function readBase(cwd: string, base: string, paths: string[]): InputDocument[] {
  const dir = path.resolve(cwd, base);
  if (fs.existsSync(dir) && fs.statSync(dir).isDirectory()) {
    return findYamlFiles([dir]).flatMap(readDocuments);
  }
  const colon = base.indexOf(':');
  const ref = colon >= 0 ? base.substring(0, colon) : base;
  if (!isGitRevision(cwd, ref)) {
    throw new UsageError(`--base '${base}' is neither a directory nor a git revision`);
  }
  return colon >= 0 ? documentsAtRevision(cwd, ref, [base.substring(colon + 1)], true) : documentsAtRevision(cwd, ref, paths, false);
}

interface PlanArgs {
  readonly help: boolean;
  readonly base?: string;
  readonly format: string;
  readonly operatorVersion: OperatorVersion;
  readonly failOn?: string;
  readonly paths: string[];
}

function parsePlanArgs(argv: string[]): PlanArgs {
  const { values, positionals } = parseCommandArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'help': { type: 'boolean', short: 'h' },
      'base': { type: 'string' },
      'format': { type: 'string' },
      'operator-version': { type: 'string' },
      'fail-on': { type: 'string' },
    },
  });
  const format = oneOf('format', values.format, ['text', 'markdown', 'json']);
  const failOn = values['fail-on'] === undefined ? undefined : oneOf('fail-on', values['fail-on'], ['state-loss', 'upgrade']);
  if (!values.help && values.base === undefined) {
    throw new UsageError('--base is required (see cdk8s-flink plan --help)');
  }
  return {
    help: values.help ?? false,
    base: values.base,
    format,
    operatorVersion: parseOperatorVersion(values['operator-version']),
    failOn,
    paths: positionals,
  };
}
