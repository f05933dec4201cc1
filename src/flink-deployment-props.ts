import { ImagePullPolicy, k8s } from 'cdk8s-plus-27';
import { DeploymentMode } from './deployment-mode';
import { FlinkBackend } from './flink-backend';
import { FlinkIngressOptions } from './flink-ingress';
import { FlinkJobOptions } from './flink-job';
import { JobManagerOptions, TaskManagerOptions } from './flink-process';
import { FlinkResourceMetadataOptions } from './flink-resource-metadata';
import { FlinkClusterSettings } from './flink-settings';
import { FlinkVersion } from './flink-version';
import { PodSecurity } from './pod-security';

/**
 * Properties of a `FlinkDeployment`.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/reference/#flinkdeploymentspec
 */
export interface FlinkDeploymentProps extends FlinkResourceMetadataOptions, FlinkClusterSettings {
  /**
   * What the deployment renders to: the Apache operator's `FlinkDeployment`,
   * plain Kubernetes objects of a standalone cluster (no operator), or the
   * spotify operator's `FlinkCluster`. The hooks see the same manifest
   * whatever the backend; fields a backend cannot express are synth errors.
   * Session jobs on the deployment follow its backend.
   *
   * @default FlinkBackend.APACHE_OPERATOR
   */
  readonly backend?: FlinkBackend;

  /** Flink image of the JobManager and TaskManager pods, e.g. `flink:2.2`. Pin a tag or digest. */
  readonly image: string;

  /** Flink version of the image. */
  readonly flinkVersion: FlinkVersion;

  /**
   * Pull policy of the Flink image.
   *
   * @default - the Kubernetes default (`IfNotPresent` unless the tag is `latest`)
   */
  readonly imagePullPolicy?: ImagePullPolicy;

  /**
   * Kubernetes service account of the Flink pods; it needs the rights to
   * manage TaskManager pods and HA ConfigMaps (the operator installs `flink`).
   * With `FlinkBackend.KUBERNETES` a named service account must exist; by
   * default one is rendered, with the rights of Kubernetes HA when it is on.
   *
   * @default - 'flink'; with FlinkBackend.KUBERNETES a service account named after the deployment, rendered with it
   */
  readonly serviceAccount?: string;

  /**
   * Flink configuration (`config.yaml`) of the cluster: flat keys
   * (`state.checkpoints.dir`) or nested maps (`state: { checkpoints.dir: ... }`),
   * values as strings, numbers, booleans or lists. More can be added with
   * `addFlinkConfiguration()`.
   *
   * @default - the operator's default configuration only
   * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/config/
   */
  readonly flinkConfiguration?: { [key: string]: any };

  /**
   * Keys of `flinkConfiguration` (flattened, e.g. `security.ssl.rest.keystore-password`)
   * that may hold a literal value although they look like a credential
   * (`*password*`, `*secret*`, `*access-key*`, `*token*`, ...). Any other
   * such key with a literal value is a synth error: pass credentials from a
   * Secret with `addSecretEnv()` instead. More keys can be allowed with
   * `allowPlaintextConfiguration()`.
   *
   * @default - no credential-looking key may hold a literal value
   */
  readonly plaintextConfigurationKeys?: string[];

  /**
   * Logging configuration files by name (`log4j-console.properties`,
   * `logback-console.xml`), replacing the operator's defaults.
   *
   * @default - the operator's default logging configuration
   */
  readonly logConfiguration?: { [file: string]: string };

  /**
   * Pod template for the JobManager and TaskManager pods. The Flink
   * container is named `flink-main-container`. Under
   * `PodSecurity.RESTRICTED` it is merged over the restricted security
   * defaults (its settings win).
   *
   * @default - the security defaults of `podSecurity` only (none with `PodSecurity.CUSTOM`)
   */
  readonly podTemplate?: k8s.PodTemplateSpec;

  /**
   * Security defaults of the JobManager and TaskManager pods.
   * `PodSecurity.RESTRICTED` merges the Pod Security Standards "restricted"
   * settings under the pod templates (non-root uid/gid 9999, seccomp
   * `RuntimeDefault`, no privilege escalation, all capabilities dropped on
   * every container) and reports template settings that weaken them as
   * synth errors. `PodSecurity.CUSTOM` is the explicit opt-out, for images
   * that must run as root or pods that need host access.
   *
   * `FlinkBackend.SPOTIFY_OPERATOR` needs `PodSecurity.CUSTOM`: its
   * `FlinkCluster` has no container security context.
   *
   * @default PodSecurity.RESTRICTED
   * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
   */
  readonly podSecurity?: PodSecurity;

  /**
   * The JobManager.
   *
   * @default - memory and cpu from the Flink configuration; one replica
   */
  readonly jobManager?: JobManagerOptions;

  /**
   * The TaskManagers.
   *
   * @default - memory and cpu from the Flink configuration
   */
  readonly taskManager?: TaskManagerOptions;

  /**
   * Deployment mode.
   *
   * @default - the operator's default, `DeploymentMode.NATIVE`
   */
  readonly mode?: DeploymentMode;

  /**
   * Ingress for the Flink web UI and REST API.
   *
   * @default - no ingress
   */
  readonly ingress?: FlinkIngressOptions;

  /**
   * Changing this number restarts the cluster (and job) without other changes.
   *
   * @default - no restart nonce
   */
  readonly restartNonce?: number;

  /**
   * The job of an application cluster. Without a job the deployment is a
   * session cluster that `FlinkSessionJob`s run on.
   *
   * @default - a session cluster
   */
  readonly job?: FlinkJobOptions;
}
