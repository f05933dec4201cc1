/**
 * Metadata of a Flink custom resource.
 */
export interface FlinkResourceMetadataOptions {
  /**
   * `metadata.name`. The operator allows `[a-z]([-a-z0-9]{0,43}[a-z0-9])?`.
   *
   * @default - derived from the construct id (kebab case, shortened with a hash when over 45 characters)
   */
  readonly name?: string;

  /**
   * `metadata.namespace`. A session job must be in its session cluster's namespace.
   *
   * @default - a session job: its session cluster's namespace; otherwise the chart's namespace
   */
  readonly namespace?: string;

  /**
   * Labels of the resource.
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };

  /**
   * Annotations of the resource.
   *
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
}
