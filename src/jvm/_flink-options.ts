/**
 * The Flink and operator configuration options the default validator reads
 * (Flink 1.20, operator and autoscaler 1.15.0 and 1.16): key, fallback and
 * deprecated keys (in lookup order) and default value as Flink's string
 * form.
 */
export interface FlinkOption {
  readonly key: string;
  /** Consulted in order when `key` is absent. */
  readonly fallbackKeys: readonly string[];
  /** The default, written as it would be in the configuration; `undefined` for none. */
  readonly defaultValue?: string;
}

function option(key: string, defaultValue?: string, ...fallbackKeys: string[]): FlinkOption {
  return { key, defaultValue, fallbackKeys };
}

const OPERATOR = 'kubernetes.operator.';
const AUTOSCALER = 'job.autoscaler.';

/** Options of the operator itself. */
export const OPERATOR_OPTIONS = {
  deploymentRollbackEnabled: option(`${OPERATOR}deployment.rollback.enabled`, 'false'),
  clusterHealthCheckEnabled: option(`${OPERATOR}cluster.health-check.enabled`, 'false'),
  jmDeploymentRecoveryEnabled: option(`${OPERATOR}jm-deployment-recovery.enabled`, 'true',
    `${OPERATOR}reconciler.jm-deployment-recovery.enabled`),
  periodicSavepointInterval: option(`${OPERATOR}periodic.savepoint.interval`, ''),
  lastStateMaxCheckpointAge: option(`${OPERATOR}job.upgrade.last-state.max.allowed.checkpoint.age`),
  jarUriAllowedSchemes: option(`${OPERATOR}user.artifacts.allowed-schemes`, 'https'),
  jarUriDisallowRestrictedHosts: option(`${OPERATOR}user.artifacts.disallow-restricted-hosts`, 'true'),
  reconcileInterval: option(`${OPERATOR}reconcile.interval`, '60 s', `${OPERATOR}reconciler.reschedule.interval`),
} as const;

/** Flink options on state, high availability and the Kubernetes integration. */
export const CLUSTER_OPTIONS = {
  checkpointsDirectory: option('execution.checkpointing.dir', undefined,
    'state.checkpoints.dir', 'state.backend.fs.checkpointdir'),
  savepointDirectory: option('execution.checkpointing.savepoint-dir', undefined,
    'state.savepoints.dir', 'savepoints.state.backend.fs.dir'),
  haMode: option('high-availability.type', 'NONE', 'recovery.mode', 'high-availability'),
} as const;

/** Keys a resource must not set: the operator owns them. */
export const FORBIDDEN_KEYS = ['kubernetes.namespace', 'kubernetes.cluster-id', 'high-availability.cluster-id'] as const;

function autoscaler(key: string, defaultValue?: string, ...deprecatedKeys: string[]): FlinkOption {
  return option(`${AUTOSCALER}${key}`, defaultValue, `${OPERATOR}${AUTOSCALER}${key}`, ...deprecatedKeys);
}

/** Options of the job autoscaler. */
export const AUTOSCALER_OPTIONS = {
  enabled: autoscaler('enabled', 'false'),
  maxScaleDownFactor: autoscaler('scale-down.max-factor', '0.6'),
  maxScaleUpFactor: autoscaler('scale-up.max-factor', '100000.0'),
  utilizationTarget: option(`${AUTOSCALER}utilization.target`, '0.7',
    `${OPERATOR}${AUTOSCALER}utilization.target`, `${OPERATOR}${AUTOSCALER}target.utilization`,
    `${AUTOSCALER}target.utilization`),
  targetUtilizationBoundary: autoscaler('target.utilization.boundary', '0.3'),
  utilizationMax: autoscaler('utilization.max'),
  utilizationMin: autoscaler('utilization.min'),
  observedScalabilityCoefficientMin: autoscaler('observed-scalability.coefficient-min', '0.5'),
  excludedPeriods: autoscaler('excluded.periods'),
  // Read by the 1.16 rules.
  gcPressureThreshold: autoscaler('memory.gc-pressure.threshold', '1.0'),
  heapUsageThreshold: autoscaler('memory.heap-usage.threshold', '1.0'),
  observedScalabilityEnabled: autoscaler('observed-scalability.enabled', 'false'),
  scalingEffectivenessDetectionEnabled: autoscaler('scaling.effectiveness.detection.enabled', 'false'),
  scalingEffectivenessThreshold: autoscaler('scaling.effectiveness.threshold', '0.1'),
  memoryTuningEnabled: autoscaler('memory.tuning.enabled', 'false'),
  memoryTuningOverhead: autoscaler('memory.tuning.overhead', '0.2'),
  metricsWindow: autoscaler('metrics.window', '15 min'),
} as const;

/** The memory options of one Flink process (JobManager or TaskManager). */
export interface ProcessMemoryOptions {
  readonly totalFlink: FlinkOption;
  readonly totalProcess: FlinkOption;
  readonly metaspace: FlinkOption;
  readonly overheadMin: FlinkOption;
  readonly overheadMax: FlinkOption;
  readonly overheadFraction: FlinkOption;
}

/** JobManager memory options. */
export const JOB_MANAGER_MEMORY = {
  totalFlink: option('jobmanager.memory.flink.size'),
  totalProcess: option('jobmanager.memory.process.size'),
  metaspace: option('jobmanager.memory.jvm-metaspace.size', '256m'),
  overheadMin: option('jobmanager.memory.jvm-overhead.min', '192m'),
  overheadMax: option('jobmanager.memory.jvm-overhead.max', '1g'),
  overheadFraction: option('jobmanager.memory.jvm-overhead.fraction', '0.1'),
  heap: option('jobmanager.memory.heap.size'),
  offHeap: option('jobmanager.memory.off-heap.size', '128m'),
  legacyHeap: option('jobmanager.heap.size'),
  legacyHeapMb: option('jobmanager.heap.mb'),
} as const;

/** TaskManager memory, CPU and slot options. */
export const TASK_MANAGER_MEMORY = {
  totalFlink: option('taskmanager.memory.flink.size'),
  totalProcess: option('taskmanager.memory.process.size'),
  metaspace: option('taskmanager.memory.jvm-metaspace.size', '256m'),
  overheadMin: option('taskmanager.memory.jvm-overhead.min', '192m'),
  overheadMax: option('taskmanager.memory.jvm-overhead.max', '1g'),
  overheadFraction: option('taskmanager.memory.jvm-overhead.fraction', '0.1'),
  taskHeap: option('taskmanager.memory.task.heap.size'),
  taskOffHeap: option('taskmanager.memory.task.off-heap.size', '0'),
  managed: option('taskmanager.memory.managed.size', undefined, 'taskmanager.memory.size'),
  managedFraction: option('taskmanager.memory.managed.fraction', '0.4'),
  frameworkHeap: option('taskmanager.memory.framework.heap.size', '128m'),
  frameworkOffHeap: option('taskmanager.memory.framework.off-heap.size', '128m'),
  networkMin: option('taskmanager.memory.network.min', '64m', 'taskmanager.network.memory.min'),
  networkMax: option('taskmanager.memory.network.max', '9223372036854775807', 'taskmanager.network.memory.max'),
  networkFraction: option('taskmanager.memory.network.fraction', '0.1', 'taskmanager.network.memory.fraction'),
  legacyNetworkBuffers: option('taskmanager.network.numberOfBuffers', '2048'),
  segmentSize: option('taskmanager.memory.segment-size', '32kb'),
  cpuCores: option('taskmanager.cpu.cores'),
  numberOfTaskSlots: option('taskmanager.numberOfTaskSlots', '1'),
  externalResources: option('external-resources'),
} as const;
