import { OperatorVersion } from '../operator-version';

/**
 * What a hook knows besides the manifest it is given.
 */
export interface FlinkHookContext {
  /**
   * The operator's default configuration, flat `key: value` pairs, as the
   * operator would merge it under every resource's `flinkConfiguration`.
   * The object is treated as immutable once passed (its flattened form is
   * cached): pass a new object to change it.
   *
   * @default - the upstream Helm chart 1.15.0 defaults
   */
  readonly operatorConfiguration?: { [key: string]: string };

  /**
   * The Flink Kubernetes Operator release the resource targets: its CRDs
   * and admission rules apply.
   *
   * @default OperatorVersion.LATEST
   */
  readonly operatorVersion?: OperatorVersion;

  /**
   * Where the resource comes from: its construct path at synth time, or the
   * file it was read from in `cdk8s-flink validate`.
   *
   * @default - unknown
   */
  readonly source?: string;
}
