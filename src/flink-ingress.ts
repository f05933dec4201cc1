import { k8s } from 'cdk8s-plus-27';

/**
 * The Ingress the operator creates for the Flink web UI / REST API.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/operations/ingress/
 */
export interface FlinkIngressOptions {
  /**
   * Host and/or path template; `{{name}}` and `{{namespace}}` are replaced
   * by the operator, e.g. `flink.example.com/{{namespace}}/{{name}}(/|$)(.*)`.
   */
  readonly template: string;

  /**
   * Ingress class name.
   *
   * @default - the cluster's default ingress class
   */
  readonly className?: string;

  /**
   * Annotations of the Ingress.
   *
   * @default - none
   */
  readonly annotations?: { [key: string]: string };

  /**
   * Labels of the Ingress.
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };

  /**
   * TLS settings of the Ingress.
   *
   * @default - no TLS
   */
  readonly tls?: k8s.IngressTls[];
}
