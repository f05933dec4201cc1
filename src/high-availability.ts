/**
 * Options of Kubernetes high availability.
 */
export interface KubernetesHighAvailabilityOptions {
  /**
   * A file system URI the JobManager metadata is persisted under, such as
   * `s3://bucket/ha` (`high-availability.storageDir`).
   */
  readonly storageDir: string;
}

/**
 * High availability of the JobManager: leader election and job metadata
 * that survive a JobManager failure, and what `UpgradeMode.LAST_STATE`
 * needs (`high-availability.type`).
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/ha/kubernetes_ha/
 */
export class HighAvailability {
  /**
   * Kubernetes high availability: leader election with ConfigMaps (the
   * service account needs the rights to edit them), metadata in `storageDir`.
   *
   * @param options where the metadata is kept
   */
  public static kubernetes(options: KubernetesHighAvailabilityOptions): HighAvailability {
    return new HighAvailability('kubernetes', options?.storageDir);
  }

  /** The value of `high-availability.type`. */
  public readonly type: string;
  /** The value of `high-availability.storageDir`. */
  public readonly storageDir: string;

  private constructor(type: string, storageDir: string | undefined) {
    this.type = type;
    // Checked with the deployment's props, so that the message names the prop.
    this.storageDir = storageDir as string;
  }
}
