import { IConstruct } from 'constructs';
import { FlinkBackend } from './flink-backend';

/**
 * A FlinkSessionJob of this app, as a snapshot refers to it.
 */
export interface IFlinkSessionJob extends IConstruct {
  /** `metadata.name` of the FlinkSessionJob. */
  readonly resourceName: string;
  /**
   * `metadata.namespace` of the FlinkSessionJob.
   *
   * @default - no namespace (the one of the kubectl context / Argo CD application)
   */
  readonly namespace?: string;
  /** What the session job renders to: its session cluster's backend. */
  readonly backend: FlinkBackend;
}
