/**
 * The operator's `spec.job` as a FlinkCluster's `spec.job`: a job cluster
 * whose job the spotify operator submits with `flink run` from a submitter
 * pod (`Detached` mode), or, for a job on the image's classpath (an entry
 * class without a jar), runs in `Application` mode.
 *
 * | FlinkDeployment `spec.job` | FlinkCluster `spec.job` |
 * | --- | --- |
 * | `jarURI` (`local://` and `file://` give a path in the image; remote URIs stay, as the image's Flink supports them) | `jarFile` |
 * | `entryClass` | `className` |
 * | PythonDriver `-py` / `-pym` / `-pyfs` in `args`, `python.files` | `pyFile` / `pyModule` / `pyFiles` |
 * | `args` (after the PythonDriver options) | `args` |
 * | `parallelism` | `parallelism` |
 * | `initialSavepointPath` | `fromSavepoint` |
 * | `allowNonRestoredState` | `allowNonRestoredState` |
 * | `state: suspended` | `cancelRequested: true` |
 * | `upgradeMode: savepoint` | `takeSavepointOnUpdate: true` |
 * | savepoint directory of the configuration | `savepointsDir` |
 * | `kubernetes.operator.savepoint.format.type` of the configuration | `savepointFormatType` |
 *
 * `upgradeMode: last-state` and the nonces cannot be rendered.
 */
import { pythonProgram } from './_python-program';
import { FlinkConfig } from '../../jvm/_flink-config';
import { CLUSTER_OPTIONS } from '../../jvm/_flink-options';
import { isObject } from '../../manifest/_fields';
import { isPythonJob } from '../_python-driver';
import { BackendName, unsupported } from '../_unsupported';

const BACKEND: BackendName = 'SPOTIFY_OPERATOR';
const FIELD = 'spec.job';

const KNOWN = new Set(['jarURI', 'entryClass', 'args', 'parallelism', 'upgradeMode', 'state', 'initialSavepointPath', 'allowNonRestoredState']);

/** Why each trigger of the Flink Kubernetes Operator cannot be rendered. */
const NONCES: Record<string, string> = {
  savepointTriggerNonce: 'the spotify operator has no savepoint trigger in the spec: it takes savepoints on update, '
    + "when spec.job.savepointGeneration is raised, or on the 'flinkclusters.flinkoperator.k8s.io/user-control: savepoint' annotation",
  checkpointTriggerNonce: 'the spotify operator cannot trigger checkpoints',
  savepointRedeployNonce: 'the spotify operator redeploys from a savepoint when spec.job.fromSavepoint changes: '
    + 'change initialSavepointPath instead',
  autoscalerResetNonce: 'the spotify operator has no autoscaler',
};

/** Configuration keys rendered as job fields. */
const PYTHON_FILES = 'python.files';
const SAVEPOINT_FORMAT = 'kubernetes.operator.savepoint.format.type';

/** The FlinkCluster job, the configuration it changes, and what cannot be rendered. */
export interface MappedJob {
  /** `spec.job` of the FlinkCluster, without pod settings; `undefined` for a session cluster. */
  readonly job?: Record<string, any>;
  /** Configuration keys rendered as job fields (left out of `flinkProperties`). */
  readonly mapped: ReadonlySet<string>;
  /** Configuration the job's PythonDriver options stand for (they win over the configuration's). */
  readonly configuration: Record<string, string>;
  readonly errors: string[];
}

/**
 * Maps `spec.job` of a manifest.
 *
 * @param job the manifest's `spec.job`
 * @param configuration the resource's flat Flink configuration
 */
export function flinkClusterJob(job: unknown, configuration: Record<string, string>): MappedJob {
  if (!isObject(job)) {
    return { mapped: new Set(), configuration: {}, errors: [] };
  }
  const errors: string[] = [];
  for (const key of Object.keys(job).filter((k) => job[k] !== null && job[k] !== undefined && !KNOWN.has(k))) {
    errors.push(unsupported(`${FIELD}.${key}`, job[key], BACKEND, NONCES[key] ?? 'the FlinkCluster job has no such field'));
  }
  if (job.upgradeMode === 'last-state') {
    errors.push(unsupported(`${FIELD}.upgradeMode`, job.upgradeMode, BACKEND,
      'the spotify operator restores jobs from savepoints only: use UpgradeMode.SAVEPOINT with a savepoint directory'));
  }
  const program = isPythonJob(job) ? python(job, configuration, errors) : jar(job, errors);
  const args: string[] | undefined = program.args ?? (Array.isArray(job.args) ? job.args : undefined);
  const savepointFormat = configuration[SAVEPOINT_FORMAT];
  const formatMapped = savepointFormat === 'CANONICAL' || savepointFormat === 'NATIVE';
  return {
    job: {
      ...program.fields,
      args: args !== undefined && args.length > 0 ? args : undefined,
      fromSavepoint: job.initialSavepointPath,
      allowNonRestoredState: job.allowNonRestoredState,
      savepointsDir: new FlinkConfig(configuration).raw(CLUSTER_OPTIONS.savepointDirectory),
      savepointFormatType: formatMapped ? savepointFormat : undefined,
      takeSavepointOnUpdate: job.upgradeMode === 'savepoint' ? true : undefined,
      parallelism: job.parallelism,
      cancelRequested: job.state === 'suspended' ? true : undefined,
    },
    mapped: formatMapped ? new Set([...program.mapped, SAVEPOINT_FORMAT]) : program.mapped,
    configuration: program.configuration,
    errors,
  };
}

interface Program {
  readonly fields: Record<string, unknown>;
  readonly args?: string[];
  readonly mapped: ReadonlySet<string>;
  readonly configuration: Record<string, string>;
}

function jar(job: Record<string, any>, errors: string[]): Program {
  const none = { mapped: new Set<string>(), configuration: {} };
  if (typeof job.jarURI === 'string') {
    return { ...none, fields: { jarFile: job.jarURI.replace(/^(local|file):\/\//, ''), className: job.entryClass } };
  }
  if (typeof job.entryClass === 'string') {
    // A job on the image's classpath (/opt/flink/usrlib): the JobManager runs it by class name.
    return { ...none, fields: { className: job.entryClass, mode: 'Application' } };
  }
  errors.push(unsupported(`${FIELD}.jarURI`, job.jarURI, BACKEND,
    'the spotify operator needs the job jar (jarFile), or the entry class of a job on the image\'s classpath (Application mode)'));
  return { ...none, fields: {} };
}

function python(job: Record<string, any>, configuration: Record<string, string>, errors: string[]): Program {
  const program = pythonProgram(Array.isArray(job.args) ? job.args.filter((a: unknown): a is string => typeof a === 'string') : []);
  if (program.pyFile === undefined && program.pyModule === undefined) {
    errors.push(unsupported(`${FIELD}.args`, job.args, BACKEND,
      'a PyFlink job on the spotify operator needs its program as "-py <file.py>" or "-pym <module>" in the PythonDriver arguments'));
  }
  if (typeof job.jarURI === 'string' && !/(^|\/)flink-python[^/]*\.jar$/.test(job.jarURI)) {
    errors.push(unsupported(`${FIELD}.jarURI`, job.jarURI, BACKEND,
      'the spotify operator runs PyFlink jobs with `flink run --python`, which takes no jar: '
      + 'add jars through the pipeline.jars or pipeline.classpaths configuration'));
  }
  const pyFiles = program.pyFiles ?? configuration[PYTHON_FILES];
  return {
    fields: { pyFile: program.pyFile, pyFiles, pyModule: program.pyModule },
    args: program.args,
    // The command line wins over the configuration, as in Flink.
    mapped: new Set(Object.prototype.hasOwnProperty.call(configuration, PYTHON_FILES) ? [PYTHON_FILES] : []),
    configuration: program.configuration,
  };
}
