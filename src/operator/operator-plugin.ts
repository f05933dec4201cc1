/**
 * A JAR that an init container of the operator pod downloads and verifies
 * before the operator and webhook start, so no custom operator image is
 * needed.
 */
export interface OperatorJarOptions {
  /**
   * Name of the JAR: a lowercase DNS label of at most 40 characters. It names
   * the file (`<name>.jar`), the init container and, for plugins, the plugin
   * directory (`/opt/flink/plugins/<name>/`) and the listener key
   * (`kubernetes.operator.plugins.listeners.<name>.class`).
   */
  readonly name: string;

  /**
   * `https://` (or `http://`) URL of the JAR; the checksum makes plain HTTP
   * tamper-proof, but prefer HTTPS.
   */
  readonly url: string;

  /** Hex SHA-256 checksum of the JAR; the pod does not start when the download does not match. */
  readonly sha256: string;
}

/**
 * A Java plugin of the operator: a JAR implementing the operator's
 * `FlinkResourceValidator`, `FlinkResourceMutator` or
 * `FlinkResourceListener` SPI (declared in `META-INF/services`), installed
 * into `/opt/flink/plugins/<name>/` (`FLINK_PLUGINS_DIR`) with its own
 * class loader.
 *
 * The interfaces of 1.16 are in the API artifact
 * (`org.apache.flink:flink-kubernetes-operator-api`):
 * `org.apache.flink.kubernetes.operator.api.validation.FlinkResourceValidator`,
 * `org.apache.flink.kubernetes.operator.api.mutator.FlinkResourceMutator` and
 * `org.apache.flink.kubernetes.operator.api.listener.FlinkResourceListener`.
 * 1.15.0 has the validator and mutator in the operator artifact, as
 * `org.apache.flink.kubernetes.operator.validation.FlinkResourceValidator`
 * and `org.apache.flink.kubernetes.operator.mutator.FlinkResourceMutator`
 * (the listener is the same): a plugin is built for one release.
 *
 * Validators and mutators in the directory are discovered by the webhook
 * and the operator. Listeners run only when configured: give
 * `listenerClass` and the operator gets
 * `kubernetes.operator.plugins.listeners.<name>.class`.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.16/docs/operations/plugins/
 */
export interface OperatorPluginOptions extends OperatorJarOptions {
  /**
   * Fully qualified class name of a `FlinkResourceListener` in the JAR to
   * enable.
   *
   * @default - no listener is enabled (validators and mutators need no configuration)
   */
  readonly listenerClass?: string;

  /**
   * Configuration the listener receives in `configure()`: each key becomes
   * `kubernetes.operator.plugins.listeners.<name>.<key>`. Needs
   * `listenerClass`.
   *
   * @default - none
   */
  readonly listenerConfiguration?: { [key: string]: string };
}
