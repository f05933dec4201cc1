/** One resource judged by both the library and the operator. */
export interface ConformanceCase {
  /** Where the case comes from: a table test, an upstream example, a generator (with its index). */
  readonly source: string;
  readonly kind: 'FlinkDeployment' | 'FlinkSessionJob' | 'FlinkStateSnapshot';
  readonly resource: any;
  /** For a session job: its session cluster, when known. */
  readonly sessionDeployment?: any;
  /** For a snapshot: the resource its jobReference names, when known. */
  readonly snapshotTarget?: any;
  /** The operator configuration (the upstream chart's defaults when left out). */
  readonly operatorConfiguration?: Record<string, string>;
}
