import { IConstruct } from 'constructs';
import { FlinkBackend } from './flink-backend';

/**
 * A FlinkDeployment, defined in this app or elsewhere.
 */
export interface IFlinkDeployment extends IConstruct {
  /** `metadata.name` of the FlinkDeployment. */
  readonly resourceName: string;
  /**
   * `metadata.namespace` of the FlinkDeployment.
   *
   * @default - no namespace (the one of the kubectl context / Argo CD application)
   */
  readonly namespace?: string;
  /** Name of the Service of the Flink REST API and web UI (`<name>-rest`, port 8081). */
  readonly restServiceName: string;
  /**
   * What the deployment renders to; session jobs on it follow it.
   *
   * @default FlinkBackend.APACHE_OPERATOR
   */
  readonly backend?: FlinkBackend;
}
