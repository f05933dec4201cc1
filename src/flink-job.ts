import { describeValue } from './manifest/_describe';
import { checkAll, checkMap, checkOptionalNonEmptyString, checkStringList, reject } from './props/_checks';
import { PropProblem, problemsOf, rejectUnder } from './props/_prop-error';
import { PYTHON_DRIVER } from './render/_python-driver';

/**
 * How the operator upgrades a running job when its spec changes.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/job-management/#stateful-and-stateless-application-upgrades
 */
export enum UpgradeMode {
  /** Take a savepoint, stop the job, start the new spec from the savepoint. */
  SAVEPOINT = 'savepoint',
  /** Restart from the latest checkpoint, also when the job is unhealthy; needs HA. */
  LAST_STATE = 'last-state',
  /** Start the new spec with empty state. */
  STATELESS = 'stateless',
}

/**
 * The state the job should be in.
 */
export enum JobState {
  /** The job runs. */
  RUNNING = 'running',
  /** The job is stopped according to its upgrade mode. */
  SUSPENDED = 'suspended',
}

/**
 * The job a FlinkDeployment (application mode) or a FlinkSessionJob runs.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/reference/#jobspec
 */
export interface FlinkJobOptions {
  /**
   * The job's program, typed: `FlinkJob.jar({...})` or
   * `FlinkJob.python({...})`. The shorthand `jarUri` / `entryClass` / `args`
   * is the same as `FlinkJob.jar({ jarUri, entryClass, args })`; give one or
   * the other.
   *
   * @default - the jar job given by `jarUri`, `entryClass` and `args`
   */
  readonly source?: FlinkJob;

  /**
   * URI of the job jar: `local:///opt/flink/usrlib/job.jar` for a jar in the
   * image, or a remote URI (`https://`, `s3://`, ...) for session jobs.
   *
   * @default - none; session jobs and application deployments need a jar
   *   unless the image's classpath holds the job (the validator says so)
   */
  readonly jarUri?: string;

  /**
   * Fully qualified name of the job's main class.
   *
   * @default - the `Main-Class` of the jar's manifest
   */
  readonly entryClass?: string;

  /**
   * Arguments passed to the job's main method, in order.
   *
   * @default - no arguments
   */
  readonly args?: string[];

  /**
   * Parallelism of the job. The operator rejects a job without one
   * ("Job parallelism must be larger than 0") unless `taskManager.replicas`
   * is set, in which case Flink derives it from the slots.
   *
   * @default - none; required unless the TaskManager replicas are set
   */
  readonly parallelism?: number;

  /**
   * How the operator upgrades the job when its spec changes.
   *
   * @default - the operator's default, `UpgradeMode.STATELESS`
   */
  readonly upgradeMode?: UpgradeMode;

  /**
   * The state the job should be in.
   *
   * @default - the operator's default, `JobState.RUNNING`
   */
  readonly state?: JobState;

  /**
   * Savepoint to start the job from on its first deployment.
   *
   * @default - the job starts with empty state
   */
  readonly initialSavepointPath?: string;

  /**
   * Allow restoring from a savepoint that has state for operators the job
   * no longer has.
   *
   * @default - the operator's default (false)
   */
  readonly allowNonRestoredState?: boolean;

  /**
   * Changing this number triggers a manual savepoint.
   * Never derive it from a clock: it is part of the committed YAML.
   *
   * @default - no manual savepoint
   */
  readonly savepointTriggerNonce?: number;

  /**
   * Changing this number triggers a manual checkpoint.
   *
   * @default - no manual checkpoint
   */
  readonly checkpointTriggerNonce?: number;

  /**
   * Changing this number redeploys the job from `initialSavepointPath`.
   *
   * @default - no redeploy
   */
  readonly savepointRedeployNonce?: number;

  /**
   * Changing this number resets the autoscaler's parallelism overrides.
   *
   * @default - no reset
   */
  readonly autoscalerResetNonce?: number;
}


/**
 * A Java (or Scala) job packaged as a jar.
 */
export interface FlinkJarJobOptions {
  /**
   * URI of the job jar: `local:///opt/flink/usrlib/job.jar` for a jar in the
   * image, or a remote URI (`https://`, `s3://`, ...) for operator session jobs.
   *
   * @default - none; the image's classpath must hold the job (e.g. in `/opt/flink/usrlib`)
   */
  readonly jarUri?: string;

  /**
   * Fully qualified name of the job's main class.
   *
   * @default - the `Main-Class` of the jar's manifest
   */
  readonly entryClass?: string;

  /**
   * Arguments passed to the job's main method, in order.
   *
   * @default - no arguments
   */
  readonly args?: string[];
}

/**
 * A PyFlink job: a Python file or module that Flink's `PythonDriver` runs.
 * Give exactly one of `pyFile` and `pyModule`. The files must be in the
 * image (or reachable by the URIs Flink supports for `python.files`).
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/cli/#submitting-pyflink-jobs
 */
export interface FlinkPythonJobOptions {
  /**
   * The Python program to run (`-py`), e.g. `/opt/flink/usrlib/word_count.py`.
   * Flink accepts only files ending with `.py`.
   *
   * @default - none; give this or `pyModule`
   */
  readonly pyFile?: string;

  /**
   * The Python module to run (`-pym`), e.g. `word_count.main`; its files
   * must be on the Python path, e.g. with `pyFiles`.
   *
   * @default - none; give this or `pyFile`
   */
  readonly pyModule?: string;

  /**
   * Python files, packages (`.zip`, `.whl`, `.egg`) or directories added to
   * the Python path of the client and the workers (`python.files`).
   *
   * @default - none
   */
  readonly pyFiles?: string[];

  /**
   * Archives extracted into the workers' working directory, e.g. a virtual
   * environment; `archive.zip#target` names the target directory
   * (`python.archives`).
   *
   * @default - none
   */
  readonly pyArchives?: string[];

  /**
   * Python interpreter of the workers that run the Python functions
   * (`python.executable`), e.g. `venv.zip/venv/bin/python`.
   *
   * @default - Flink's default, `python` on the PATH
   */
  readonly pythonExecutable?: string;

  /**
   * Python interpreter that runs the program on the JobManager or client
   * (`python.client.executable`).
   *
   * @default - Flink's default, `python` on the PATH
   */
  readonly pythonClientExecutable?: string;

  /**
   * Arguments passed to the Python program, in order.
   *
   * @default - no arguments
   */
  readonly args?: string[];

  /**
   * URI of a jar the Flink Kubernetes Operator uploads when it submits the
   * job to a session cluster (a `FlinkSessionJob` needs one; the
   * `flink-python` jar of the image is the natural choice). Application
   * clusters do not use it: Flink finds the `flink-python` jar in `/opt/flink/opt`.
   *
   * @default - none
   */
  readonly jarUri?: string;
}

/** How a job's program reaches the operator's `spec.job` and Flink's configuration. */
interface JobProgram {
  readonly jarUri?: string;
  readonly entryClass?: string;
  readonly args?: string[];
  readonly configuration: Record<string, string>;
}

/**
 * The program a Flink job runs: a jar or a Python program. Each backend
 * renders it its own way (the operator's `jarURI`/`entryClass`/`args` with
 * Flink's `PythonDriver` for Python, `standalone-job` / `flink run`
 * arguments, or the spotify `FlinkCluster`'s `jarFile` / `pyFile` fields).
 *
 * @example
 * FlinkJob.python({ pyFile: '/opt/flink/usrlib/word_count.py', pyFiles: ['/opt/flink/usrlib/lib.zip'] })
 */
export class FlinkJob {
  /**
   * A Java (or Scala) job packaged as a jar.
   *
   * @param options the jar, entry class and arguments
   */
  public static jar(options: FlinkJarJobOptions = {}): FlinkJob {
    const o = options ?? {};
    const problems = problemsOf(() => {
      checkMap('options', o);
      checkAll(
        () => checkOptionalNonEmptyString('jarUri', o.jarUri),
        () => checkOptionalNonEmptyString('entryClass', o.entryClass),
        () => checkStringList('args', o.args),
      );
    });
    return problems.length > 0 ? FlinkJob.invalid(false, problems)
      : new FlinkJob(false, { jarUri: o.jarUri, entryClass: o.entryClass, args: o.args ? [...o.args] : undefined, configuration: {} });
  }

  /**
   * A PyFlink job, run by Flink's `PythonDriver`. Exactly one of `pyFile`
   * and `pyModule` must be given, and `pyFile` must end with `.py`; wrong
   * options are errors at synth of the construct that runs the job.
   *
   * @param options the Python program, its dependencies and arguments
   */
  public static python(options: FlinkPythonJobOptions): FlinkJob {
    const o = options ?? {};
    const problems = problemsOf(() => {
      checkMap('options', o);
      checkAll(
        ...(['pyFile', 'pyModule', 'pythonExecutable', 'pythonClientExecutable', 'jarUri'] as const).map((field) => () => checkOptionalNonEmptyString(field, o[field])),
        () => checkCommaFreeList('pyFiles', o.pyFiles),
        () => checkCommaFreeList('pyArchives', o.pyArchives),
        () => checkStringList('args', o.args),
        () => {
          if ((o.pyFile === undefined) === (o.pyModule === undefined)) {
            reject('pyFile', `exactly one of 'pyFile' and 'pyModule' must be set, got ${o.pyFile === undefined ? 'neither' : 'both'}`);
          }
        },
        () => {
          if (typeof o.pyFile === 'string' && !o.pyFile.endsWith('.py')) {
            // PythonDriver's own message.
            reject('pyFile', `It only accepts Python file which ends with '.py' for option '-py', got '${o.pyFile}'.`);
          }
        },
      );
    });
    if (problems.length > 0) {
      return FlinkJob.invalid(true, problems);
    }
    const configuration: Record<string, string> = {};
    const set = (key: string, value: string | undefined) => {
      if (value !== undefined) {
        configuration[key] = value;
      }
    };
    set('python.files', o.pyFiles?.join(','));
    set('python.archives', o.pyArchives?.join(','));
    set('python.executable', o.pythonExecutable);
    set('python.client.executable', o.pythonClientExecutable);
    const entry = o.pyFile !== undefined ? ['-py', o.pyFile] : ['-pym', o.pyModule!];
    return new FlinkJob(true, { jarUri: o.jarUri, entryClass: PYTHON_DRIVER, args: [...entry, ...(o.args ?? [])], configuration });
  }

  /** A job whose options are wrong: the construct that runs it reports them. */
  private static invalid(isPython: boolean, problems: PropProblem[]): FlinkJob {
    return new FlinkJob(isPython, { configuration: {} }, problems);
  }

  /** Whether this is a PyFlink job. */
  public readonly isPython: boolean;

  private constructor(isPython: boolean, private readonly program: JobProgram, private readonly problems: readonly PropProblem[] = []) {
    this.isPython = isPython;
  }

  /**
   * Throws the problems of the factory's options, as props below `field`
   * (`job.source.pyFile`).
   * @internal
   */
  public _check(field: string): void {
    rejectUnder(field, this.problems);
  }

  /**
   * The operator's `jarURI`, `entryClass` and `args`, and the Flink
   * configuration the program needs (`python.files`, ...).
   * @internal
   */
  public _program(): JobProgram {
    return { ...this.program, args: this.program.args ? [...this.program.args] : undefined, configuration: { ...this.program.configuration } };
  }
}

/** A list of strings that Flink's configuration joins with `,`: an item must be non-empty and hold none. */
function checkCommaFreeList(field: string, value: string[] | undefined): void {
  checkStringList(field, value);
  const bad = value?.find((item) => item.trim() === '' || item.includes(','));
  if (bad !== undefined) {
    reject(field, `items must be non-empty and hold no ',' (Flink joins them with ','), got ${describeValue(bad)}`);
  }
}
