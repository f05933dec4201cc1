/**
 * What happened to a Flink resource during synth.
 */
export interface FlinkResourceEvent {
  /** Construct path of the resource (or the file it came from in `cdk8s-flink validate`). */
  readonly source: string;
  /** `FlinkDeployment`, `FlinkSessionJob`, `FlinkStateSnapshot` or `FlinkBlueGreenDeployment`. */
  readonly kind: string;
  /** `metadata.name` of the resource. */
  readonly name: string;
  /**
   * `metadata.namespace` of the resource.
   *
   * @default - no namespace (the one of the kubectl context / Argo CD application)
   */
  readonly namespace?: string;
  /**
   * The manifest at the time of the event (a copy; changing it has no
   * effect). `kind` tells which it is: in TypeScript, declare it as
   * `FlinkDeploymentManifest`, `FlinkSessionJobManifest` or
   * `FlinkStateSnapshotManifest`. Typed `any` so that a listener in every
   * language gets all of it (a struct would carry only the declared fields
   * of one kind).
   */
  readonly manifest: any;
  /**
   * The validation errors, for `onValidationFailed`.
   *
   * @default - none
   */
  readonly errors?: string[];
}

/**
 * Observes Flink resources during synth, the synth-time counterpart of the
 * operator's `FlinkResourceListener` plugin: for audit logs, reports and
 * metrics. Listeners cannot change or reject a resource.
 *
 * A plain object needs only the methods it cares about.
 */
export interface IFlinkResourceListener {
  /** Called once the mutators have run, with the manifest they produced. */
  onMutated(event: FlinkResourceEvent): void;
  /** Called when validation fails, with every error of the resource. */
  onValidationFailed(event: FlinkResourceEvent): void;
  /** Called when the resource is rendered into the output. */
  onRendered(event: FlinkResourceEvent): void;
}
