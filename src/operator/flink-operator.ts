import { ApiObject, Chart, Lazy } from 'cdk8s';
import { ImagePullPolicy, k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import type { InstalledJar, InstalledPlugin } from './_plugin-installer';
import { OperatorJarOptions, OperatorPluginOptions } from './operator-plugin';
import { FlinkOperatorWebhookOptions, WebhookKeystorePassword } from './operator-webhook';
import { ArgoCd, ArgoCdSyncOption, ArgoCdSyncWave } from '../argo-cd';
import { FlinkHooks } from '../hooks/flink-hooks';
import { describeValue } from '../manifest/_describe';
import type { OperatorChartRelease } from '../manifest/_operator-chart';
import { SynthPass } from '../manifest/_synth-pass';
import { OperatorVersion } from '../operator-version';
import {
  checkAll, checkAnnotations, checkBoolean, checkedParts, checkEnum, checkLabels, checkMap, checkNonEmptyString, checkNonEmptyStringList,
  checkObjectList, checkResources, checkString, checkStringMap, fail, isObject, PropErrors, reject,
} from '../props/_checks';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../security/_pod-security';

const OPERATOR_NAME = 'flink-kubernetes-operator';
const CONFIG_MAP_NAME = 'flink-operator-config';
const CONFIG_VOLUME = 'flink-operator-config-volume';
const ARTIFACTS_VOLUME = 'flink-artifacts-volume';
const KEYSTORE_VOLUME = 'keystore';
const CONF_DIR = '/opt/flink/conf';
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/*
 * The modules that render the operator (the chart's data and configuration files, RBAC, the webhook,
 * plugin installation, the CRDs) load when a FlinkOperator first needs them: an app without one, and
 * requiring the library, never loads them.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const chartModule = (): typeof import('../manifest/_operator-chart') => require('../manifest/_operator-chart');
const configurationReader = (): typeof import('../manifest/_configuration') => require('../manifest/_configuration');
const crdModule = (): typeof import('../manifest/_operator-crds') => require('../manifest/_operator-crds');
const configurationModule = (): typeof import('./_operator-configuration') => require('./_operator-configuration');
const rbacModule = (): typeof import('./_operator-rbac') => require('./_operator-rbac');
const webhookModule = (): typeof import('./_operator-webhook') => require('./_operator-webhook');
const pluginModule = (): typeof import('./_plugin-installer') => require('./_plugin-installer');
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The logging framework of the operator and webhook JVMs.
 */
export enum OperatorLoggingFramework {
  /** Log4j 2 with `log4j-operator.properties` (the chart's default). */
  LOG4J2 = 'log4j2',
  /** Logback with `logback-operator.xml`. */
  LOGBACK = 'logback',
}

/**
 * Leader election of the operator: one replica reconciles, the others wait
 * on a Lease in the operator namespace.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.16/docs/operations/configuration/#leader-election-and-high-availability
 */
export interface FlinkOperatorLeaderElection {
  /**
   * Name of the Lease.
   *
   * @default 'flink-operator-lease'
   */
  readonly leaseName?: string;
}

/**
 * Properties of a `FlinkOperator`: what the values of the Helm chart
 * `flink-kubernetes-operator` (1.16.1 or 1.15.0, see `version`) offer, as
 * typed props.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.16/docs/operations/helm/
 */
export interface FlinkOperatorProps {
  /**
   * The operator release to install. It is also the target of every Flink
   * resource in the app: their CRDs, Flink versions and admission rules
   * follow it.
   *
   * @default OperatorVersion.LATEST
   */
  readonly version?: OperatorVersion;

  /**
   * Namespace of the operator (the Helm release namespace).
   *
   * @default - the chart's namespace
   */
  readonly namespace?: string;

  /**
   * Operator image. Pin a tag or digest.
   *
   * @default - the release's image, pinned: 'apache/flink-kubernetes-operator:1.16.1' (`version` V1_16), 'apache/flink-kubernetes-operator:1.15.0' (V1_15)
   */
  readonly image?: string;

  /**
   * Pull policy of the operator image (and of the plugin installer image).
   *
   * @default ImagePullPolicy.IF_NOT_PRESENT
   */
  readonly imagePullPolicy?: ImagePullPolicy;

  /**
   * Names of Secrets to pull the images with.
   *
   * @default - none
   */
  readonly imagePullSecrets?: string[];

  /**
   * Namespaces the operator watches. With namespaces, RBAC is namespaced
   * (a Role, RoleBinding and the job ServiceAccount `flink` in each) and the
   * webhook only admits resources of these namespaces.
   *
   * @default - every namespace (ClusterRole; the job ServiceAccount in the operator namespace only)
   */
  readonly watchNamespaces?: string[];

  /**
   * Number of operator pods; more than one needs `leaderElection`.
   *
   * @default 1
   */
  readonly replicas?: number;

  /**
   * Leader election; with it the Deployment rolls instead of recreating its
   * pod, so the webhook stays available during upgrades.
   *
   * @default - no leader election (one replica, `Recreate`)
   */
  readonly leaderElection?: FlinkOperatorLeaderElection;

  /**
   * The admission webhook.
   *
   * @default - validating and mutating webhook; keystore password from key `password` of Secret `flink-operator-webhook-secret`
   */
  readonly webhook?: FlinkOperatorWebhookOptions;

  /**
   * Whether the four Flink CRDs are rendered (with `ServerSideApply=true`).
   * Turn off when another install (or a second operator) owns them.
   *
   * @default true
   */
  readonly installCrds?: boolean;

  /**
   * Operator configuration laid over the chart's default configuration:
   * flat keys (`kubernetes.operator.reconcile.interval`) or nested maps.
   * Also what synth-time validators in this app see as the operator
   * defaults. Keys that a prop owns (watched namespaces, leader election,
   * health probe) are rejected. More can be added with
   * `addDefaultConfiguration()`.
   *
   * @default - the chart's defaults only
   * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.16/docs/operations/configuration/
   */
  readonly defaultConfiguration?: { [key: string]: any };

  /**
   * Logging files by name: `log4j-operator.properties` and
   * `log4j-console.properties` are appended to the chart's defaults (later
   * keys win); `logback-operator.xml` and `logback-console.xml` replace
   * them. The `-console` files are the defaults of Flink clusters.
   *
   * @default - the chart's logging files
   */
  readonly logConfiguration?: { [file: string]: string };

  /**
   * Logging framework of the operator and webhook.
   *
   * @default OperatorLoggingFramework.LOG4J2
   */
  readonly loggingFramework?: OperatorLoggingFramework;

  /**
   * JVM options of the operator (`JVM_ARGS`).
   *
   * @default - none
   */
  readonly jvmArgs?: string;

  /**
   * Resources of the operator container.
   *
   * @default - no requests or limits
   */
  readonly resources?: k8s.ResourceRequirements;

  /**
   * Container port named `metrics`, for a metrics reporter configured in
   * `defaultConfiguration` (e.g. `kubernetes.operator.metrics.reporter.prom.port`).
   *
   * @default - no metrics port
   */
  readonly metricsPort?: number;

  /**
   * Port of the health probe the liveness and startup probes call.
   *
   * @default 8085
   */
  readonly healthPort?: number;

  /**
   * Extra environment variables of the operator container.
   *
   * @default - none
   */
  readonly env?: k8s.EnvVar[];

  /**
   * Node selector of the operator pod.
   *
   * @default - none
   */
  readonly nodeSelector?: { [key: string]: string };

  /**
   * Affinity of the operator pod.
   *
   * @default - none
   */
  readonly affinity?: k8s.Affinity;

  /**
   * Tolerations of the operator pod.
   *
   * @default - none
   */
  readonly tolerations?: k8s.Toleration[];

  /**
   * Priority class of the operator pod.
   *
   * @default - none
   */
  readonly priorityClassName?: string;

  /**
   * Extra labels of the operator pod.
   *
   * @default - none
   */
  readonly podLabels?: { [key: string]: string };

  /**
   * Extra annotations of the operator pod.
   *
   * @default - none
   */
  readonly podAnnotations?: { [key: string]: string };

  /**
   * Name of the operator's ServiceAccount.
   *
   * @default 'flink-operator'
   */
  readonly operatorServiceAccountName?: string;

  /**
   * Annotations of the operator's ServiceAccount, e.g. a cloud IAM role for
   * the operator to read savepoints (`eks.amazonaws.com/role-arn`).
   *
   * @default - none
   */
  readonly operatorServiceAccountAnnotations?: { [key: string]: string };

  /**
   * Annotations of the Flink clusters' ServiceAccounts (one per watched
   * namespace), e.g. a cloud IAM role for checkpoints.
   *
   * @default - none
   */
  readonly jobServiceAccountAnnotations?: { [key: string]: string };

  /**
   * Name of the ServiceAccount of Flink clusters (`serviceAccount` of a
   * FlinkDeployment).
   *
   * @default 'flink'
   */
  readonly jobServiceAccountName?: string;

  /**
   * Whether the operator may list nodes, which Flink REST services of type
   * `NodePort` need (the chart's `rbac.nodesRule`).
   *
   * @default false
   */
  readonly listNodes?: boolean;

  /**
   * Java plugins (validators, mutators, listeners) to install; more can be
   * added with `addPlugin()`.
   *
   * @default - none
   */
  readonly plugins?: OperatorPluginOptions[];

  /**
   * JARs to put on the operator's and webhook's class path
   * (`/opt/flink/operator-lib`); more can be added with `addOperatorLib()`.
   *
   * @default - none
   */
  readonly operatorLibs?: OperatorJarOptions[];

  /**
   * Image of the init containers that download plugins and operator libs; it
   * needs `sh`, `curl` and `sha256sum`.
   *
   * @default 'curlimages/curl:8.11.1'
   */
  readonly pluginInstallerImage?: string;
}

/**
 * The Flink Kubernetes Operator, installed from code: what the Helm chart
 * `flink-kubernetes-operator` renders with default values, 1.16.1 unless
 * `version` asks for 1.15.0 (CRDs, RBAC, ConfigMap,
 * Deployment, webhook with cert-manager certificates), GitOps-ready, plus
 * Java plugins installed by init containers.
 *
 * Flink resources in the same app are validated at synth time against this
 * operator's default configuration, unless a scope sets one with
 * `FlinkHooks.of(scope).useOperatorConfiguration()`.
 *
 * The Deployment is the child `Resource`, so `ApiObject.of(operator)`
 * reaches it for JSON patches.
 *
 * Prerequisites: cert-manager (when the webhook is on) and the keystore
 * password Secret (see `WebhookKeystorePassword`).
 *
 * @example
 * new FlinkOperator(chart, 'operator', {
 *   watchNamespaces: ['team-a', 'team-b'],
 *   defaultConfiguration: { 'kubernetes.operator.reconcile.interval': '30 s' },
 * });
 */
export class FlinkOperator extends Construct {
  /** The default operator image: that of the default release (`OperatorVersion.LATEST`, 1.16.1), pinned. */
  public static readonly DEFAULT_IMAGE = 'apache/flink-kubernetes-operator:1.16.1';
  /** The default plugin installer image. */
  public static readonly DEFAULT_PLUGIN_INSTALLER_IMAGE = 'curlimages/curl:8.11.1';

  /**
   * The default operator image of a release, pinned (e.g.
   * `apache/flink-kubernetes-operator:1.15.0`).
   *
   * @param version the operator release
   */
  public static defaultImage(version: OperatorVersion): string {
    return chartModule().operatorChart(version).image;
  }

  /** The operator release installed, and the target of every Flink resource in the app. */
  public readonly version: OperatorVersion;
  /** Namespace of the operator. */
  public readonly namespace: string;
  /** Name of the operator Deployment (`flink-kubernetes-operator`). */
  public readonly deploymentName: string = OPERATOR_NAME;
  /** Name of the operator ConfigMap (`flink-operator-config`). */
  public readonly configMapName: string = CONFIG_MAP_NAME;
  /** Operator image. */
  public readonly image: string;
  /** Namespaces the operator watches; empty for all. */
  public readonly watchNamespaces: string[];
  /** Number of operator pods. */
  public readonly replicas: number;
  /**
   * Name of the leader-election Lease.
   *
   * @default - no leader election
   */
  public readonly leaseName?: string;
  /** Name of the operator's ServiceAccount. */
  public readonly operatorServiceAccountName: string;
  /** Name of the Flink clusters' ServiceAccount. */
  public readonly jobServiceAccountName: string;
  /** Whether the admission webhook (container, Service, configurations, certificate) is installed. */
  public readonly webhookEnabled: boolean;
  /**
   * Name of the webhook Service.
   *
   * @default - no webhook
   */
  public readonly webhookServiceName?: string;
  /**
   * Name of the Validating and Mutating webhook configurations
   * (`flink-operator-<namespace>-webhook-configuration`).
   *
   * @default - no webhook
   */
  public readonly webhookConfigurationName?: string;
  /** Port of the health probe. */
  public readonly healthPort: number;

  private readonly props: FlinkOperatorProps;
  private readonly errors: PropErrors;
  private readonly overrides = new Map<string, string>();
  private readonly plugins = new Map<string, InstalledPlugin>();
  private readonly operatorLibs = new Map<string, InstalledJar>();
  private readonly loggingFramework: OperatorLoggingFramework;
  private readonly keystorePassword: WebhookKeystorePassword;
  /** What the chart of the installed release renders differently. */
  private readonly chart: OperatorChartRelease;

  constructor(scope: Construct, id: string, props: FlinkOperatorProps = {}) {
    super(scope, id);
    this.errors = PropErrors.of(this);
    const raw: unknown = props;
    const p: FlinkOperatorProps = isObject(raw) ? props : {};
    this.props = p;
    this.version = p.version instanceof OperatorVersion ? p.version : OperatorVersion.LATEST;
    this.chart = chartModule().operatorChart(this.version);
    FlinkHooks._useAppOperatorVersion(this, this.version, this.node.path);
    const checked = this.errors.run(() => checkedParts({
      props: () => {
        if (!isObject(raw)) {
          fail('props', 'a map of FlinkOperator props', raw);
        }
      },
      version: () => {
        if (p.version !== undefined && !(p.version instanceof OperatorVersion)) {
          fail('version', "an OperatorVersion (e.g. OperatorVersion.V1_16 or OperatorVersion.of('1.16'))", p.version);
        }
      },
      namespace: () => {
        const namespace = p.namespace ?? Chart.of(this).namespace;
        if (namespace === undefined) {
          reject('namespace', 'must be set (or the chart given a namespace): FlinkOperator needs one');
        }
        return checkLabel('namespace', namespace);
      },
      image: () => {
        const image: unknown = p.image ?? this.chart.image;
        checkNonEmptyString('image', image);
        return image as string;
      },
      imagePullPolicy: () => checkEnum('imagePullPolicy', p.imagePullPolicy, ImagePullPolicy),
      imagePullSecrets: () => checkNonEmptyStringList('imagePullSecrets', p.imagePullSecrets),
      pluginInstallerImage: () => p.pluginInstallerImage === undefined || checkNonEmptyString('pluginInstallerImage', p.pluginInstallerImage),
      installCrds: () => checkBoolean('installCrds', p.installCrds),
      listNodes: () => checkBoolean('listNodes', p.listNodes),
      jvmArgs: () => checkString('jvmArgs', p.jvmArgs),
      priorityClassName: () => checkString('priorityClassName', p.priorityClassName),
      resources: () => checkResources('resources', p.resources),
      affinity: () => checkMap('affinity', p.affinity),
      env: () => checkObjectList('env', p.env),
      tolerations: () => checkObjectList('tolerations', p.tolerations),
      maps: () => checkAll(
        () => checkStringMap('nodeSelector', p.nodeSelector),
        () => checkLabels('podLabels', p.podLabels),
        ...(['podAnnotations', 'operatorServiceAccountAnnotations', 'jobServiceAccountAnnotations'] as const)
          .map((prop) => () => checkAnnotations(prop, p[prop])),
      ),
      plugins: () => {
        checkObjectList('plugins', p.plugins);
        return p.plugins ?? [];
      },
      operatorLibs: () => {
        checkObjectList('operatorLibs', p.operatorLibs);
        return p.operatorLibs ?? [];
      },
      watchNamespaces: () => checkWatchNamespaces(p.watchNamespaces ?? []),
      replicas: () => checkRange('replicas', p.replicas ?? 1, 1, 100),
      healthPort: () => checkRange('healthPort', p.healthPort ?? 8085, 1, 65535),
      metricsPort: () => p.metricsPort === undefined || checkRange('metricsPort', p.metricsPort, 1, 65535),
      leaseName: () => {
        checkMap('leaderElection', p.leaderElection);
        return p.leaderElection === undefined ? undefined : checkLabel('leaderElection.leaseName', p.leaderElection.leaseName ?? 'flink-operator-lease');
      },
      operatorServiceAccountName: () => checkLabel('operatorServiceAccountName', p.operatorServiceAccountName ?? 'flink-operator'),
      jobServiceAccountName: () => checkLabel('jobServiceAccountName', p.jobServiceAccountName ?? 'flink'),
      webhook: () => webhookModule().checkWebhookOptions(p.webhook),
      loggingFramework: () => {
        const loggingFramework: unknown = p.loggingFramework ?? OperatorLoggingFramework.LOG4J2;
        checkEnum('loggingFramework', loggingFramework, OperatorLoggingFramework);
        return loggingFramework as OperatorLoggingFramework;
      },
      logConfiguration: () => {
        checkMap('logConfiguration', p.logConfiguration);
        checkAll(...Object.entries(p.logConfiguration ?? {}).map(([file, content]) => () => {
          if (!chartModule().LOG_FILES.includes(file)) {
            reject('logConfiguration', `has no file ${describeValue(file)}; the files are ${chartModule().LOG_FILES.join(', ')}`);
          }
          checkString(`logConfiguration.${file}`, content);
        }));
      },
      defaultConfiguration: () => {
        checkMap('defaultConfiguration', p.defaultConfiguration);
        checkAll(...Object.entries(configurationReader().flattenConfiguration(p.defaultConfiguration ?? {}))
          .map(([key, value]) => () => this.setDefaultConfiguration(key, value)));
      },
    }));
    const webhook = checked?.webhook ?? {};
    this.namespace = checked?.namespace ?? '';
    this.image = checked?.image ?? this.chart.image;
    this.watchNamespaces = checked?.watchNamespaces ?? [];
    this.replicas = checked?.replicas ?? 1;
    this.healthPort = checked?.healthPort ?? 8085;
    this.leaseName = checked?.leaseName;
    this.operatorServiceAccountName = checked?.operatorServiceAccountName ?? 'flink-operator';
    this.jobServiceAccountName = checked?.jobServiceAccountName ?? 'flink';
    this.webhookEnabled = (webhook.enabled ?? true) && ((webhook.validator ?? true) || (webhook.mutator ?? true));
    this.webhookServiceName = this.webhookEnabled ? webhookModule().WEBHOOK_NAMES.service : undefined;
    this.webhookConfigurationName = this.webhookEnabled ? webhookModule().webhookConfigurationName(this.namespace) : undefined;
    this.keystorePassword = webhook.keystorePassword
      ?? WebhookKeystorePassword.fromSecretName(WebhookKeystorePassword.DEFAULT_SECRET_NAME, WebhookKeystorePassword.DEFAULT_KEY);
    this.loggingFramework = checked?.loggingFramework ?? OperatorLoggingFramework.LOG4J2;
    if (!checked) {
      this.errors.renderNothing();
      return;
    }
    const plugins = checked.plugins;
    const operatorLibs = checked.operatorLibs;

    if (props.installCrds ?? true) {
      this.renderCrds();
    }
    this.renderServiceAccount();
    const rbac = {
      namespace: this.namespace,
      watchNamespaces: this.watchNamespaces,
      labels: this.labels(),
      operatorServiceAccount: this.operatorServiceAccountName,
      jobServiceAccount: this.jobServiceAccountName,
      jobServiceAccountAnnotations: { ...props.jobServiceAccountAnnotations },
      listNodes: props.listNodes ?? false,
    };
    rbacModule().renderOperatorRbac(this, rbac);
    rbacModule().renderJobRbac(this, rbac);
    this.renderConfigMap();
    if (this.webhookEnabled) {
      webhookModule().renderWebhook(this, {
        namespace: this.namespace,
        watchNamespaces: this.watchNamespaces,
        validator: (webhook.validator ?? true),
        mutator: (webhook.mutator ?? true),
        keystorePassword: { name: this.keystorePassword.secretName, key: this.keystorePassword.key },
        keystoreProfile: webhook.keystoreProfile,
        selector: this.selectorLabels(),
        serviceLabels: webhook.serviceLabels,
      });
    }
    const deployment = new k8s.KubeDeployment(this, 'Resource', {
      metadata: { name: OPERATOR_NAME, namespace: this.namespace, labels: this.labels() },
      spec: Lazy.any({ produce: () => this._toKube() }),
    });
    ArgoCd._annotate(deployment, ArgoCdSyncWave.OPERATOR);

    for (const plugin of plugins) {
      this.addPlugin(plugin);
    }
    for (const lib of operatorLibs) {
      this.addOperatorLib(lib);
    }

    this.useAsDefaultOperatorConfiguration();
    this.node.addValidation({ validate: () => this.validateProps() });
  }

  /**
   * Installs a Java plugin (validator, mutator or listener JAR) into
   * `/opt/flink/plugins/<name>/`: an init container downloads it and checks
   * its SHA-256 before the operator and webhook start. A listener is enabled
   * with `listenerClass`.
   *
   * @param plugin the plugin
   */
  public addPlugin(plugin: OperatorPluginOptions): void {
    this.errors.run(() => {
      const installed = pluginModule().installPlugin(plugin);
      if (this.plugins.has(installed.name)) {
        reject('plugins', `plugin '${installed.name}' is already installed`);
      }
      this.plugins.set(installed.name, installed);
      this.useAsDefaultOperatorConfiguration();
    });
  }

  /**
   * Puts a JAR on the class path of the operator and webhook
   * (`/opt/flink/operator-lib/<name>.jar`, `OPERATOR_LIB`), e.g. a metrics
   * reporter or a file system implementation; an init container downloads
   * it and checks its SHA-256.
   *
   * @param lib the JAR
   */
  public addOperatorLib(lib: OperatorJarOptions): void {
    this.errors.run(() => {
      const installed = pluginModule().installOperatorLib(lib);
      if (this.operatorLibs.has(installed.name)) {
        reject('operatorLibs', `operator lib '${installed.name}' is already installed`);
      }
      this.operatorLibs.set(installed.name, installed);
    });
  }

  /**
   * Sets one key of the operator's default configuration, over the chart's
   * default.
   *
   * @param key flat configuration key, e.g. `kubernetes.operator.reconcile.interval`
   * @param value its value
   */
  public addDefaultConfiguration(key: string, value: string): void {
    this.errors.run(() => this.setDefaultConfiguration(key, value));
  }

  private setDefaultConfiguration(key: string, value: string): void {
    const scalar = ['string', 'number', 'boolean', 'bigint'].includes(typeof value);
    const text = scalar ? String(value) : value;
    const unwritable = configurationModule().unwritableEntry(key, text);
    if (unwritable !== undefined) {
      reject('defaultConfiguration', unwritable);
    }
    const existing = this.overrides.get(key);
    if (existing !== undefined && existing !== text) {
      reject(`defaultConfiguration.${key}`, `is already set to ${describeValue(existing)}; refusing to overwrite it with ${describeValue(text)}`);
    }
    this.overrides.set(key, text);
    this.useAsDefaultOperatorConfiguration();
    SynthPass.changed(this);
  }

  /**
   * The operator's effective default configuration (flat keys): the chart's
   * defaults, the overrides, and what the props configure. This is the
   * configuration file the operator reads (`config.yaml` from 1.16,
   * `flink-conf.yaml` in 1.15.0), and what synth-time validators in this
   * app see.
   */
  public get defaultConfiguration(): { [key: string]: string } {
    return Object.fromEntries(this.configuration());
  }

  /** Names of the installed plugins, in installation order. */
  public get pluginNames(): string[] {
    return [...this.plugins.keys()];
  }

  /** Names of the installed operator libs, in installation order. */
  public get operatorLibNames(): string[] {
    return [...this.operatorLibs.keys()];
  }

  /**
   * The Deployment spec.
   * @internal
   */
  public _toKube(): k8s.DeploymentSpec {
    const selector = this.selectorLabels();
    const jars = [...this.plugins.values(), ...this.operatorLibs.values()];
    const installer = this.props.pluginInstallerImage ?? FlinkOperator.DEFAULT_PLUGIN_INSTALLER_IMAGE;
    const containers = [this.operatorContainer()];
    if (this.webhookEnabled) {
      containers.push(this.webhookContainer());
    }
    return {
      replicas: this.replicas,
      strategy: { type: this.leaseName === undefined ? 'Recreate' : 'RollingUpdate' },
      selector: { matchLabels: selector },
      template: {
        metadata: {
          labels: { ...selector, ...this.props.podLabels },
          annotations: { 'kubectl.kubernetes.io/default-container': OPERATOR_NAME, ...this.props.podAnnotations },
        },
        spec: {
          priorityClassName: this.props.priorityClassName,
          securityContext: restrictedPodSecurityContext(),
          nodeSelector: this.props.nodeSelector,
          affinity: this.props.affinity,
          tolerations: this.props.tolerations,
          imagePullSecrets: this.props.imagePullSecrets?.map((name) => ({ name })),
          serviceAccountName: this.operatorServiceAccountName,
          initContainers: jars.length === 0 ? undefined
            : jars.map((jar) => pluginModule().installerContainer(jar, installer, this.imagePullPolicy())),
          containers,
          volumes: this.volumes(),
        },
      },
    };
  }

  private configuration(): Map<string, string> {
    const listeners = new Map<string, string>();
    for (const plugin of this.plugins.values()) {
      plugin.configuration.forEach((value, key) => listeners.set(key, value));
    }
    return configurationModule().operatorConfiguration({
      version: this.version,
      overrides: this.overrides,
      watchNamespaces: this.watchNamespaces,
      healthPort: this.healthPort,
      leaseName: this.leaseName,
      plugins: listeners,
    });
  }

  /**
   * Makes this operator's configuration what validators in the app see when
   * no scope sets one (`useOperatorConfiguration` wins); called again after
   * each change so cached validation results are recomputed.
   */
  private useAsDefaultOperatorConfiguration(): void {
    FlinkHooks.of(this.node.root)._useDefaultOperatorConfiguration(() => this.defaultConfiguration);
  }

  private validateProps(): string[] {
    const errors: string[] = [];
    if (this.replicas > 1 && this.leaseName === undefined) {
      errors.push(`replicas: is ${this.replicas}, but more than one operator replica needs 'leaderElection' (the replicas would reconcile the same resources)`);
    }
    for (const [key, prop] of configurationModule().OWNED_KEYS) {
      if (this.overrides.has(key)) {
        errors.push(`defaultConfiguration: sets '${key}'; use '${prop}' instead, so the rest of the install follows`);
      }
    }
    for (const plugin of this.plugins.values()) {
      for (const key of plugin.configuration.keys()) {
        if (this.overrides.has(key)) {
          errors.push(`defaultConfiguration: sets '${key}', which plugin '${plugin.name}' configures; use its 'listenerClass' and 'listenerConfiguration'`);
        }
      }
    }
    if (this.props.metricsPort !== undefined && this.props.metricsPort === this.healthPort) {
      errors.push(`metricsPort: must differ from 'healthPort', got ${this.healthPort} for both`);
    }
    return errors;
  }

  private imagePullPolicy(): string {
    return this.props.imagePullPolicy ?? ImagePullPolicy.IF_NOT_PRESENT;
  }

  private selectorLabels(): { [key: string]: string } {
    return { 'app.kubernetes.io/name': OPERATOR_NAME };
  }

  private labels(): { [key: string]: string } {
    return {
      ...this.selectorLabels(),
      'app.kubernetes.io/version': this.chart.appVersion,
      'app.kubernetes.io/managed-by': 'cdk8s-flink',
    };
  }

  private logConfig(): string {
    return this.loggingFramework === OperatorLoggingFramework.LOGBACK
      ? `-Dlogback.configurationFile=${CONF_DIR}/logback-operator.xml`
      : `-Dlog4j.configurationFile=${CONF_DIR}/log4j-operator.properties`;
  }

  /**
   * Mounts of the plugin directories and the operator libs, read-only: the
   * operator-lib directory as a whole, or, where the image keeps its logging
   * JARs below it (1.16), each JAR file on its own so they stay visible.
   */
  private jarMounts(): k8s.VolumeMount[] {
    const mounts: k8s.VolumeMount[] = [...this.plugins.values()].map((p) => ({ name: p.volume, mountPath: p.directory, readOnly: true }));
    if (this.chart.loggingJarsInOperatorLib) {
      for (const lib of this.operatorLibs.values()) {
        const file = `${lib.name}.jar`;
        mounts.push({ name: pluginModule().OPERATOR_LIB_VOLUME, mountPath: `${pluginModule().OPERATOR_LIB_DIR}/${file}`, subPath: file, readOnly: true });
      }
    } else if (this.operatorLibs.size > 0) {
      mounts.push({ name: pluginModule().OPERATOR_LIB_VOLUME, mountPath: pluginModule().OPERATOR_LIB_DIR, readOnly: true });
    }
    return mounts;
  }

  private operatorContainer(): k8s.Container {
    const ports: k8s.ContainerPort[] = [];
    if (this.props.metricsPort !== undefined) {
      ports.push({ containerPort: this.props.metricsPort, name: 'metrics', protocol: 'TCP' });
    }
    ports.push({ containerPort: this.healthPort, name: 'health-port', protocol: 'TCP' });
    const probe = { httpGet: { path: '/', port: k8s.IntOrString.fromString('health-port') } };
    return {
      name: OPERATOR_NAME,
      image: this.image,
      imagePullPolicy: this.imagePullPolicy(),
      command: ['/docker-entrypoint.sh', 'operator'],
      ports,
      env: [
        fieldEnv('OPERATOR_NAMESPACE', 'metadata.namespace'),
        fieldEnv('HOST_IP', 'status.hostIP'),
        fieldEnv('POD_IP', 'status.podIP'),
        fieldEnv('POD_NAME', 'metadata.name'),
        { name: 'OPERATOR_NAME', value: OPERATOR_NAME },
        { name: 'FLINK_CONF_DIR', value: CONF_DIR },
        { name: 'FLINK_PLUGINS_DIR', value: pluginModule().PLUGINS_DIR },
        { name: 'LOGGING_FRAMEWORK', value: this.loggingFramework },
        { name: 'LOG_CONFIG', value: this.logConfig() },
        { name: 'JVM_ARGS', value: this.props.jvmArgs ?? '' },
        ...this.props.env ?? [],
      ],
      resources: this.props.resources,
      securityContext: restrictedContainerSecurityContext(),
      volumeMounts: [
        { name: CONFIG_VOLUME, mountPath: CONF_DIR },
        { name: ARTIFACTS_VOLUME, mountPath: '/opt/flink/artifacts' },
        ...this.jarMounts(),
      ],
      livenessProbe: { periodSeconds: 10, initialDelaySeconds: 30, ...probe },
      startupProbe: { failureThreshold: 30, periodSeconds: 10, ...probe },
    };
  }

  private webhookContainer(): k8s.Container {
    const webhook = this.props.webhook ?? {};
    return {
      name: 'flink-webhook',
      image: this.image,
      imagePullPolicy: this.imagePullPolicy(),
      command: ['/docker-entrypoint.sh', 'webhook'],
      env: [
        {
          name: 'WEBHOOK_KEYSTORE_PASSWORD',
          valueFrom: { secretKeyRef: { name: this.keystorePassword.secretName, key: this.keystorePassword.key } },
        },
        { name: 'WEBHOOK_KEYSTORE_FILE', value: '/certs/keystore.p12' },
        { name: 'WEBHOOK_KEYSTORE_TYPE', value: 'pkcs12' },
        { name: 'WEBHOOK_SERVER_PORT', value: String(webhookModule().WEBHOOK_PORT) },
        { name: 'LOG_CONFIG', value: this.logConfig() },
        { name: 'JVM_ARGS', value: webhook.jvmArgs ?? '' },
        { name: 'FLINK_CONF_DIR', value: CONF_DIR },
        { name: 'FLINK_PLUGINS_DIR', value: pluginModule().PLUGINS_DIR },
        { name: 'LOGGING_FRAMEWORK', value: this.loggingFramework },
        fieldEnv('OPERATOR_NAMESPACE', 'metadata.namespace'),
        ...webhook.env ?? [],
      ],
      resources: webhook.resources,
      securityContext: restrictedContainerSecurityContext(),
      volumeMounts: [
        { name: KEYSTORE_VOLUME, mountPath: '/certs', readOnly: true },
        { name: CONFIG_VOLUME, mountPath: CONF_DIR },
        ...this.jarMounts(),
      ],
    };
  }

  private volumes(): k8s.Volume[] {
    const logFiles = this.loggingFramework === OperatorLoggingFramework.LOGBACK
      ? ['logback-operator.xml', 'logback-console.xml']
      : ['log4j-operator.properties', 'log4j-console.properties'];
    const volumes: k8s.Volume[] = [
      {
        name: CONFIG_VOLUME,
        configMap: { name: CONFIG_MAP_NAME, items: [this.chart.mountedConfigurationKey, ...logFiles].map((key) => ({ key, path: key })) },
      },
      { name: ARTIFACTS_VOLUME, emptyDir: {} },
    ];
    if (this.webhookEnabled) {
      volumes.push({
        name: KEYSTORE_VOLUME,
        secret: { secretName: webhookModule().WEBHOOK_NAMES.certificateSecret, items: [{ key: 'keystore.p12', path: 'keystore.p12' }] },
      });
    }
    for (const plugin of this.plugins.values()) {
      volumes.push({ name: plugin.volume, emptyDir: {} });
    }
    if (this.operatorLibs.size > 0) {
      volumes.push({ name: pluginModule().OPERATOR_LIB_VOLUME, emptyDir: {} });
    }
    return volumes;
  }

  private renderCrds(): void {
    for (const crd of crdModule().operatorCrds(this.version)) {
      const obj = new ApiObject(this, `${crd.spec.names.kind}Crd`, withoutIncompleteScale(crd));
      rbacModule().clusterScoped(obj);
      ArgoCd._annotate(obj, ArgoCdSyncWave.CRDS, [ArgoCdSyncOption.SERVER_SIDE_APPLY]);
    }
  }

  private renderServiceAccount(): void {
    ArgoCd._annotate(new k8s.KubeServiceAccount(this, 'ServiceAccount', {
      metadata: {
        name: this.operatorServiceAccountName,
        namespace: this.namespace,
        labels: this.labels(),
        annotations: { ...this.props.operatorServiceAccountAnnotations },
      },
    }), ArgoCdSyncWave.OPERATOR);
  }

  private renderConfigMap(): void {
    const configMap = new k8s.KubeConfigMap(this, 'Config', {
      metadata: { name: CONFIG_MAP_NAME, namespace: this.namespace, labels: this.labels() },
      data: Lazy.any({
        produce: () => {
          return {
            ...configurationModule().configurationFiles(this.configuration(), this.chart),
            ...configurationModule().logConfigurationFiles(this.props.logConfiguration ?? {}, this.version),
          };
        },
      }),
    });
    ArgoCd._annotate(configMap, ArgoCdSyncWave.OPERATOR);
  }
}

/**
 * A CRD the API server accepts: a `scale` subresource without
 * `statusReplicasPath` (the 1.16.1 FlinkBlueGreenDeployment CRD has only
 * `specReplicasPath`) fails the apiextensions validation ("Required
 * value"), so the whole CRD would be rejected; such a subresource is left
 * out, which only disables `kubectl scale` on that kind.
 */
function withoutIncompleteScale(crd: any): any {
  for (const version of crd.spec?.versions ?? []) {
    const scale = version.subresources?.scale;
    if (scale !== undefined && (!scale.specReplicasPath || !scale.statusReplicasPath)) {
      delete version.subresources.scale;
    }
  }
  return crd;
}

function fieldEnv(name: string, fieldPath: string): k8s.EnvVar {
  return { name, valueFrom: { fieldRef: { fieldPath } } };
}

function checkLabel(prop: string, value: unknown): string {
  if (typeof value !== 'string' || !DNS_LABEL.test(value)) {
    fail(prop, 'a lowercase DNS label ([a-z0-9-], at most 63 characters)', value);
  }
  return value;
}

function checkRange(prop: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(prop, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

function checkWatchNamespaces(namespaces: string[]): string[] {
  if (!Array.isArray(namespaces)) {
    fail('watchNamespaces', 'an array of lowercase DNS labels', namespaces);
  }
  checkAll(...namespaces.map((namespace, i) => () => {
    checkLabel('watchNamespaces', namespace);
    if (namespaces.indexOf(namespace) !== i) {
      reject('watchNamespaces', `lists ${describeValue(namespace)} twice`);
    }
  }));
  return [...namespaces];
}
