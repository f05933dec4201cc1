/**
 * Options of the RocksDB state backend.
 */
export interface RocksDbStateBackendOptions {
  /**
   * Whether checkpoints upload only what changed since the previous one
   * (`state.backend.incremental` for Flink 1.19,
   * `execution.checkpointing.incremental` from 1.20 on).
   *
   * @default - Flink's default, full checkpoints
   */
  readonly incremental?: boolean;
}

/**
 * Where a job keeps its working state (`state.backend.type`).
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/ops/state/state_backends/
 */
export class StateBackend {
  /**
   * State in RocksDB on the TaskManagers' local disks: for state larger
   * than memory, with incremental checkpoints.
   *
   * @param options the RocksDB options
   */
  public static rocksDb(options: RocksDbStateBackendOptions = {}): StateBackend {
    return new StateBackend('rocksdb', options.incremental);
  }

  /** State as objects on the JVM heap: fastest, bounded by memory. */
  public static hashMap(): StateBackend {
    return new StateBackend('hashmap', undefined);
  }

  /** The value of `state.backend.type`. */
  public readonly type: string;

  /**
   * Whether checkpoints are incremental.
   * @internal
   */
  public readonly _incremental?: boolean;

  private constructor(type: string, incremental: boolean | undefined) {
    this.type = type;
    this._incremental = incremental;
  }
}
