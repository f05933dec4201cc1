/**
 * Command lines that start a job without an operator, from the operator's
 * `spec.job`: the JobManager of a standalone application cluster
 * (`standalone-job`) and the `flink run` of a session job's submitter.
 */
import { isPythonJob } from '../_python-driver';

/**
 * The arguments of the Flink image's entrypoint for the JobManager: `jobmanager`
 * for a session cluster, `standalone-job` with the job's options for an
 * application cluster. The job's own arguments follow `--`, so that none of
 * them (say a `--host` of the job) is read as an option of the entrypoint.
 *
 * @param job `spec.job`, if any
 * @param ha whether HA is on: the JobManager then announces its pod IP
 */
export function standaloneJobManagerArgs(job: any, ha: boolean): string[] {
  if (job === undefined) {
    return ha ? ['jobmanager', '$(POD_IP)'] : ['jobmanager'];
  }
  const args = ['standalone-job'];
  if (ha) {
    args.push('--host', '$(POD_IP)');
  }
  if (typeof job.entryClass === 'string') {
    args.push('--job-classname', job.entryClass);
  }
  if (typeof job.jarURI === 'string' && !isPythonJob(job)) {
    // `--jars` takes several values: the `=` form ends it.
    args.push(`--jars=${job.jarURI}`);
  }
  if (typeof job.initialSavepointPath === 'string') {
    args.push('--fromSavepoint', job.initialSavepointPath);
  }
  if (job.allowNonRestoredState === true) {
    args.push('--allowNonRestoredState');
  }
  const jobArgs: string[] = job.args ?? [];
  return jobArgs.length > 0 ? [...args, '--', ...jobArgs] : args;
}

/** The file path of a `local://` URI or of a plain path; `undefined` for a remote URI. */
export function localPath(uri: string): string | undefined {
  if (uri.startsWith('local://')) {
    return uri.substring('local://'.length);
  }
  return uri.startsWith('/') ? uri : undefined;
}

/**
 * The arguments of `flink run` after its connection options: job
 * configuration (`-D`), parallelism, savepoint, then the jar (or the Python
 * program) and the job's arguments.
 *
 * @param job the session job's `spec.job`
 * @param configuration the session job's flat `flinkConfiguration`
 */
export function flinkRunArgs(job: any, configuration: Record<string, string>): string[] {
  const args: string[] = [];
  for (const key of Object.keys(configuration).sort()) {
    args.push('-D', `${key}=${configuration[key]}`);
  }
  if (typeof job.parallelism === 'number' && job.parallelism > 0) {
    args.push('-p', String(job.parallelism));
  }
  if (typeof job.initialSavepointPath === 'string') {
    args.push('-s', job.initialSavepointPath);
  }
  if (job.allowNonRestoredState === true) {
    args.push('-n');
  }
  const jobArgs: string[] = job.args ?? [];
  if (isPythonJob(job)) {
    // `-py <file>` / `-pym <module>` lead the arguments; `flink run` reads them as its own options.
    return [...args, ...jobArgs];
  }
  if (typeof job.entryClass === 'string') {
    args.push('-c', job.entryClass);
  }
  return [...args, localPath(job.jarURI ?? '') ?? '', ...jobArgs];
}
