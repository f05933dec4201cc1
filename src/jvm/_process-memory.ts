import { multiplyDecimal, parseJavaBigDecimal } from './_big-decimal';
import { FlinkConfig } from './_flink-config';
import { FlinkOption, JOB_MANAGER_MEMORY, ProcessMemoryOptions, TASK_MANAGER_MEMORY } from './_flink-options';
import { javaDoubleToString, JAVA_LONG } from './_java-numbers';
import { MAX_MEMORY_SIZE } from './_memory-size';

/**
 * Whether Flink can derive a JobManager or TaskManager process memory
 * layout from a configuration alone (Flink 1.20's `JobManagerProcessUtils`
 * and `TaskExecutorProcessUtils`): some total or the required fine-grained
 * sizes must be set, and every derived component must fit its configured
 * range. Only success or failure matters to the validator.
 */

/** Any reason Flink would refuse the memory configuration. */
class MemoryConfigError extends Error {}

function check(condition: boolean): void {
  if (!condition) {
    throw new MemoryConfigError();
  }
}

/** `ProcessMemoryUtils.getMemorySizeFromConfig`: the value or default, which must exist. */
function size(conf: FlinkConfig, option: FlinkOption): bigint {
  const value = conf.memory(option);
  if (value === undefined) {
    throw new MemoryConfigError();
  }
  return value;
}

function add(...sizes: bigint[]): bigint {
  const total = sizes.reduce((a, b) => a + b, 0n);
  check(total <= JAVA_LONG.MAX);
  return total;
}

function subtract(a: bigint, b: bigint): bigint {
  check(a >= b);
  return a - b;
}

/** `MemorySize.multiply(double)`: exact decimal product of the byte count and the double, truncated. */
function multiply(bytes: bigint, multiplier: number): bigint {
  check(multiplier >= 0 && Number.isFinite(multiplier));
  const product = multiplyDecimal({ unscaled: bytes, scale: 0 }, parseJavaBigDecimal(javaDoubleToString(multiplier)));
  const integral = product.scale > 0
    ? product.unscaled / 10n ** BigInt(product.scale)
    : product.unscaled * 10n ** BigInt(-product.scale);
  check(integral <= JAVA_LONG.MAX);
  return integral;
}

interface RangeFraction {
  readonly min: bigint;
  readonly max: bigint;
  readonly fraction: number;
}

function rangeFraction(min: bigint, max: bigint, fraction: number | undefined): RangeFraction {
  check(fraction !== undefined && min <= max && fraction >= 0 && fraction < 1);
  return { min, max, fraction: fraction as number };
}

function capToRange(value: bigint, range: RangeFraction): bigint {
  return value > range.max ? range.max : value < range.min ? range.min : value;
}

function deriveWithFraction(base: bigint, range: RangeFraction): bigint {
  return capToRange(multiply(base, range.fraction), range);
}

function deriveWithInverseFraction(base: bigint, range: RangeFraction): bigint {
  return capToRange(multiply(base, range.fraction / (1 - range.fraction)), range);
}

function overheadRange(conf: FlinkConfig, options: ProcessMemoryOptions): RangeFraction {
  return rangeFraction(size(conf, options.overheadMin), size(conf, options.overheadMax), conf.float(options.overheadFraction));
}

/** Metaspace and overhead around a known Total Flink Memory. */
function checkJvmAroundTotalFlink(conf: FlinkConfig, options: ProcessMemoryOptions, totalFlink: bigint): void {
  const flinkAndMetaspace = add(totalFlink, size(conf, options.metaspace));
  if (conf.contains(options.totalProcess)) {
    const overhead = subtract(size(conf, options.totalProcess), flinkAndMetaspace);
    const range = overheadRange(conf, options);
    check(overhead >= range.min && overhead <= range.max);
  } else {
    deriveWithInverseFraction(flinkAndMetaspace, overheadRange(conf, options));
  }
}

/** The Total Flink Memory left by a Total Process Memory once metaspace and overhead are taken. */
function totalFlinkFromTotalProcess(conf: FlinkConfig, options: ProcessMemoryOptions): bigint {
  const totalProcess = size(conf, options.totalProcess);
  const jvm = add(size(conf, options.metaspace), deriveWithFraction(totalProcess, overheadRange(conf, options)));
  return subtract(totalProcess, jvm);
}

function jobManagerFromTotalFlink(conf: FlinkConfig, totalFlink: bigint): void {
  check(totalFlink > size(conf, JOB_MANAGER_MEMORY.offHeap));
}

/** The JVM heap given by the legacy `jobmanager.heap.size` / `jobmanager.heap.mb`, when the new option is absent. */
function legacyJobManagerHeap(conf: FlinkConfig): bigint | undefined {
  if (conf.contains(JOB_MANAGER_MEMORY.heap)) {
    return undefined;
  }
  if (conf.contains(JOB_MANAGER_MEMORY.legacyHeap)) {
    return size(conf, JOB_MANAGER_MEMORY.legacyHeap);
  }
  if (conf.contains(JOB_MANAGER_MEMORY.legacyHeapMb)) {
    const megabytes = conf.int(JOB_MANAGER_MEMORY.legacyHeapMb) as number;
    check(megabytes >= 0);
    return BigInt(megabytes) * 1048576n;
  }
  return undefined;
}

function deriveJobManager(conf: FlinkConfig): void {
  const options = JOB_MANAGER_MEMORY;
  const legacyHeap = legacyJobManagerHeap(conf);
  if (legacyHeap !== undefined || conf.contains(options.heap)) {
    const heap = legacyHeap ?? size(conf, options.heap);
    let offHeap = size(conf, options.offHeap);
    if (conf.contains(options.totalFlink)) {
      const totalFlink = size(conf, options.totalFlink);
      if (conf.contains(options.offHeap)) {
        check(add(heap, offHeap) === totalFlink);
      } else {
        offHeap = subtract(totalFlink, heap);
      }
    }
    checkJvmAroundTotalFlink(conf, options, add(heap, offHeap));
  } else if (conf.contains(options.totalFlink)) {
    const totalFlink = size(conf, options.totalFlink);
    jobManagerFromTotalFlink(conf, totalFlink);
    checkJvmAroundTotalFlink(conf, options, totalFlink);
  } else if (conf.contains(options.totalProcess)) {
    jobManagerFromTotalFlink(conf, totalFlinkFromTotalProcess(conf, options));
  } else {
    throw new MemoryConfigError();
  }
}

function isUsingLegacyNetwork(conf: FlinkConfig): boolean {
  const options = TASK_MANAGER_MEMORY;
  const anyNetworkOption = conf.contains(options.networkMin) || conf.contains(options.networkMax) || conf.contains(options.networkFraction);
  return !anyNetworkOption && conf.contains(options.legacyNetworkBuffers);
}

function legacyNetworkSize(conf: FlinkConfig): bigint {
  const pageSize = size(conf, TASK_MANAGER_MEMORY.segmentSize);
  check(pageSize <= 2147483647n && pageSize >= 4096n && /^10*$/.test(pageSize.toString(2)));
  const buffers = BigInt(conf.int(TASK_MANAGER_MEMORY.legacyNetworkBuffers) as number);
  check(buffers >= 0n);
  return buffers * pageSize;
}

function networkRange(conf: FlinkConfig): RangeFraction {
  const options = TASK_MANAGER_MEMORY;
  return rangeFraction(size(conf, options.networkMin), size(conf, options.networkMax), conf.float(options.networkFraction));
}

/** The network memory left over once Total Flink Memory is fixed must match the network configuration. */
function checkLeftoverNetwork(conf: FlinkConfig, network: bigint): void {
  if (isUsingLegacyNetwork(conf)) {
    check(legacyNetworkSize(conf) === network);
  } else {
    const range = networkRange(conf);
    check(network >= range.min && network <= range.max);
  }
}

function managedSize(conf: FlinkConfig, totalFlink: bigint): bigint {
  const options = TASK_MANAGER_MEMORY;
  return conf.contains(options.managed)
    ? size(conf, options.managed)
    : deriveWithFraction(totalFlink, rangeFraction(0n, MAX_MEMORY_SIZE, conf.float(options.managedFraction)));
}

function taskManagerFromFineGrained(conf: FlinkConfig): bigint {
  const o = TASK_MANAGER_MEMORY;
  const excludingNetwork = add(size(conf, o.frameworkHeap), size(conf, o.frameworkOffHeap),
    size(conf, o.taskHeap), size(conf, o.taskOffHeap), size(conf, o.managed));
  if (conf.contains(o.totalFlink)) {
    const totalFlink = size(conf, o.totalFlink);
    checkLeftoverNetwork(conf, subtract(totalFlink, excludingNetwork));
    return totalFlink;
  }
  const network = isUsingLegacyNetwork(conf)
    ? legacyNetworkSize(conf)
    : deriveWithInverseFraction(excludingNetwork, networkRange(conf));
  return add(excludingNetwork, network);
}

function taskManagerFromTotalFlink(conf: FlinkConfig, totalFlink: bigint): void {
  const o = TASK_MANAGER_MEMORY;
  const framework = add(size(conf, o.frameworkHeap), size(conf, o.frameworkOffHeap), size(conf, o.taskOffHeap));
  if (conf.contains(o.taskHeap)) {
    const excludingNetwork = add(framework, size(conf, o.taskHeap), managedSize(conf, totalFlink));
    checkLeftoverNetwork(conf, subtract(totalFlink, excludingNetwork));
  } else {
    const managed = managedSize(conf, totalFlink);
    const network = isUsingLegacyNetwork(conf) ? legacyNetworkSize(conf) : deriveWithFraction(totalFlink, networkRange(conf));
    subtract(totalFlink, add(framework, managed, network));
  }
}

function checkCpuSlotsAndResources(conf: FlinkConfig): void {
  const o = TASK_MANAGER_MEMORY;
  const cpu = conf.contains(o.cpuCores) ? conf.double(o.cpuCores) as number : conf.int(o.numberOfTaskSlots) as number;
  check(cpu > 0 && Number.isFinite(cpu));
  conf.int(o.numberOfTaskSlots);
  const declared = conf.raw(o.externalResources);
  if (declared === undefined || declared === 'none') {
    return;
  }
  for (const name of new Set(conf.list(o.externalResources))) {
    conf.long({ key: `external-resource.${name}.amount`, fallbackKeys: [] });
  }
}

function deriveTaskManager(conf: FlinkConfig): void {
  const options = TASK_MANAGER_MEMORY;
  if (conf.contains(options.taskHeap) && conf.contains(options.managed)) {
    checkJvmAroundTotalFlink(conf, options, taskManagerFromFineGrained(conf));
  } else if (conf.contains(options.totalFlink)) {
    const totalFlink = size(conf, options.totalFlink);
    taskManagerFromTotalFlink(conf, totalFlink);
    checkJvmAroundTotalFlink(conf, options, totalFlink);
  } else if (conf.contains(options.totalProcess)) {
    taskManagerFromTotalFlink(conf, totalFlinkFromTotalProcess(conf, options));
  } else {
    throw new MemoryConfigError();
  }
  checkCpuSlotsAndResources(conf);
}

function succeeds(derive: (conf: FlinkConfig) => void, conf: FlinkConfig): boolean {
  try {
    derive(conf);
    return true;
  } catch {
    return false;
  }
}

/** Whether the configuration alone defines a valid JobManager memory layout. */
export function jobManagerMemoryDerivable(conf: FlinkConfig): boolean {
  return succeeds(deriveJobManager, conf);
}

/** Whether the configuration alone defines a valid TaskManager memory layout (and CPU/slots). */
export function taskManagerMemoryDerivable(conf: FlinkConfig): boolean {
  return succeeds(deriveTaskManager, conf);
}

