/**
 * fast-check arbitraries of props a user would write on purpose: every value
 * well-formed and the combinations the operator accepts (memory and cpu
 * given, a savepoint directory with the savepoint upgrade mode, ...). The
 * fuzz properties draw them beside the hostile ones of `arbitraries.ts`, so
 * that most cases reach synth and the properties of a rendered app are
 * checked on many shapes, not only the rejections.
 */
import { Size } from 'cdk8s';
import { ImagePullPolicy } from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import {
  FlinkBackend, FlinkVersion, JobState, OperatorLoggingFramework, SavepointFormat, SnapshotType, UpgradeMode,
} from '../../src';

/** Objects as users write them. */
const PLAIN = { noNullPrototype: true } as const;

/** A DNS-1123 label short enough for every derived name. */
export const validName: fc.Arbitrary<string> = fc.stringMatching(/^[a-z]([-a-z0-9]{0,12}[a-z0-9])?$/);

const labelValue = fc.stringMatching(/^[a-z0-9]([-a-z0-9.]{0,10}[a-z0-9])?$/);

/** Labels or annotations: a few qualified keys with label-like values. */
export const validLabels = fc.option(
  fc.dictionary(fc.constantFrom('team', 'app.kubernetes.io/part-of', 'example.com/owner', 'cost-center'), labelValue, { minKeys: 1, maxKeys: 2, ...PLAIN }),
  { nil: undefined },
);

const versions = fc.constantFrom(FlinkVersion.V1_19, FlinkVersion.V1_20, FlinkVersion.V2_0, FlinkVersion.V2_1, FlinkVersion.V2_2);

const memory = fc.integer({ min: 2, max: 16 }).map((n) => Size.mebibytes(n * 512));

/** JobManager / TaskManager resources the operator accepts. */
const process = (replicas: fc.Arbitrary<number | undefined>) => fc.record({
  cpu: fc.constantFrom(0.5, 1, 2),
  memory,
  replicas,
}, { requiredKeys: ['cpu', 'memory'], ...PLAIN });

/** Flink configuration entries that every operator version takes. */
const configuration = fc.option(fc.record({
  'taskmanager.numberOfTaskSlots': fc.constantFrom('1', '2', '4'),
  'execution.checkpointing.interval': fc.constantFrom('10 s', '1 min', '30000'),
  'pipeline.max-parallelism': fc.constantFrom('128', '256'),
  'metrics.reporter.prom.port': fc.constantFrom('9249', '9250-9260'),
}, { requiredKeys: [], ...PLAIN }), { nil: undefined });

const SAVEPOINT_DIR = 's3://bucket/savepoints';
const CHECKPOINT_DIR = 's3://bucket/checkpoints';

/** A job: a jar, its parallelism, and an upgrade mode with what it needs in the configuration. */
const job = (jarUri: fc.Arbitrary<string>, state: fc.Arbitrary<JobState | undefined>) => fc.record({
  jarUri,
  entryClass: fc.option(fc.constantFrom('com.example.Main', 'org.example.WordCount'), { nil: undefined }),
  args: fc.option(fc.array(fc.stringMatching(/^--?[a-z][a-z0-9-]{0,8}$/), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  parallelism: fc.integer({ min: 1, max: 16 }),
  upgradeMode: fc.constantFrom(undefined, UpgradeMode.STATELESS, UpgradeMode.SAVEPOINT),
  state,
}, { requiredKeys: ['jarUri', 'parallelism'], ...PLAIN });

/** The job of an application cluster. */
const applicationJob = job(fc.constantFrom('local:///opt/flink/usrlib/job.jar', 'https://repo.example.com/jobs/job-1.0.jar', 's3://bucket/jobs/job.jar'),
  fc.constantFrom(undefined, JobState.RUNNING, JobState.SUSPENDED));

/** The job of a session job: fetched over https (the operator's default allowlist), submitted once by a standalone cluster. */
const sessionJob = job(fc.constantFrom('https://repo.example.com/jobs/job-1.0.jar', 'https://artifacts.example.com/wordcount.jar'),
  fc.constantFrom(undefined, JobState.RUNNING));

/** `FlinkDeploymentProps` of the given kind, for the given backends. */
function deployment(withJob: boolean | undefined, backends: fc.Arbitrary<FlinkBackend | undefined>): fc.Arbitrary<any> {
  return fc.record({
    name: fc.option(validName, { nil: undefined }),
    labels: validLabels,
    annotations: validLabels,
    image: fc.constantFrom('flink:2.2', 'flink:1.20', 'registry.example.com/flink@sha256:' + 'a'.repeat(64)),
    flinkVersion: versions,
    imagePullPolicy: fc.option(fc.constantFrom(...Object.values(ImagePullPolicy)), { nil: undefined }),
    serviceAccount: fc.option(fc.constantFrom('flink', 'jobs'), { nil: undefined }),
    flinkConfiguration: configuration,
    jobManager: process(fc.constant(undefined)),
    taskManager: process(fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined })),
    backend: backends,
    job: withJob === undefined ? fc.option(applicationJob, { nil: undefined }) : withJob ? applicationJob : fc.constant(undefined),
  }, { requiredKeys: ['image', 'flinkVersion', 'jobManager', 'taskManager'], ...PLAIN }).map((props) => withSavepointDirectory(onStandaloneCluster(props, props.backend)));
}

/**
 * What a standalone cluster (`FlinkBackend.KUBERNETES`) can run: no operator
 * upgrades the job (no upgrade mode), and `flink run` in the submitter pod of
 * a session job needs the jar in the image.
 */
export function onStandaloneCluster(props: any, backend: FlinkBackend | undefined): any {
  if (backend !== FlinkBackend.KUBERNETES || props.job === undefined) {
    return props;
  }
  const jarUri = props.job.jarUri.startsWith('https:') ? 'local:///opt/flink/usrlib/job.jar' : props.job.jarUri;
  return { ...props, job: { ...props.job, upgradeMode: undefined, jarUri } };
}

/** The savepoint upgrade mode needs checkpoint and savepoint directories in the configuration. */
function withSavepointDirectory(props: any): any {
  if (props.job?.upgradeMode !== UpgradeMode.SAVEPOINT) {
    return props;
  }
  const directories = { 'execution.checkpointing.dir': CHECKPOINT_DIR, 'execution.checkpointing.savepoint-dir': SAVEPOINT_DIR };
  return { ...props, flinkConfiguration: { ...props.flinkConfiguration, ...directories } };
}

const anyBackend = fc.constantFrom(undefined, FlinkBackend.APACHE_OPERATOR, FlinkBackend.KUBERNETES);

/** Application or session clusters, rendered by the operator's CR or as a standalone cluster. */
export const validDeploymentProps = deployment(undefined, anyBackend);

/** Session clusters (no job). */
export const validSessionClusterProps = deployment(false, anyBackend);

/** Application clusters for the operator (snapshots need it). */
export const validOperatorApplicationProps = deployment(true, fc.constant(undefined));

/** Session clusters for the operator (snapshots of their jobs need it). */
export const validOperatorSessionClusterProps = deployment(false, fc.constant(undefined));

/** `FlinkSessionJobOptions`. */
export const validSessionJobOptions: fc.Arbitrary<any> = fc.record({
  name: fc.option(validName, { nil: undefined }),
  labels: validLabels,
  job: sessionJob,
  flinkConfiguration: fc.option(fc.record({ 'pipeline.max-parallelism': fc.constantFrom('128', '256') }, PLAIN), { nil: undefined }),
}, { requiredKeys: ['job'], ...PLAIN }).map((options) => withSavepointDirectory(options));

/** Blue/green deployments: an application cluster for the operator. */
export const validBlueGreenProps: fc.Arbitrary<any> = validOperatorApplicationProps;

/** `FlinkSavepointOptions` / `FlinkCheckpointOptions` plus the snapshot type. */
export const validSnapshotOptions: fc.Arbitrary<any> = fc.record({
  name: fc.option(validName, { nil: undefined }),
  labels: validLabels,
  type: fc.constantFrom(undefined, SnapshotType.SAVEPOINT, SnapshotType.CHECKPOINT),
  path: fc.option(fc.constant(SAVEPOINT_DIR), { nil: undefined }),
  format: fc.option(fc.constantFrom(...Object.values(SavepointFormat)), { nil: undefined }),
  disposeOnDelete: fc.option(fc.boolean(), { nil: undefined }),
  backoffLimit: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
}, { requiredKeys: [], ...PLAIN })
  .map((options) => (options.type === SnapshotType.CHECKPOINT ? { ...options, path: undefined, format: undefined } : options));

/** `FlinkOperatorProps` (without the CRDs, which cost ~0.5 s a case). */
export const validOperatorProps: fc.Arbitrary<any> = fc.record({
  namespace: validName,
  watchNamespaces: fc.option(fc.uniqueArray(validName, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  replicas: fc.option(fc.constant(1), { nil: undefined }),
  imagePullPolicy: fc.option(fc.constantFrom(...Object.values(ImagePullPolicy)), { nil: undefined }),
  loggingFramework: fc.option(fc.constantFrom(...Object.values(OperatorLoggingFramework)), { nil: undefined }),
  defaultConfiguration: fc.option(fc.record({
    'kubernetes.operator.reconcile.interval': fc.constantFrom('30 s', '1 min'),
    'kubernetes.operator.savepoint.history.max.count': fc.constantFrom('5', '10'),
  }, { requiredKeys: [], ...PLAIN }), { nil: undefined }),
  podLabels: validLabels,
  nodeSelector: validLabels,
  installCrds: fc.constant(false),
}, { requiredKeys: ['namespace', 'installCrds'], ...PLAIN });
