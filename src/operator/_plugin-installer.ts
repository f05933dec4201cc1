import { k8s } from 'cdk8s-plus-27';
import { unwritableEntry } from './_operator-configuration';
import { OperatorJarOptions, OperatorPluginOptions } from './operator-plugin';
import { describeValue } from '../manifest/_describe';
import { isObject, reject } from '../props/_checks';
import { restrictedContainerSecurityContext } from '../security/_pod-security';

/** `FLINK_PLUGINS_DIR` of the operator image. */
export const PLUGINS_DIR = '/opt/flink/plugins';
/** `OPERATOR_LIB` of the operator image: its JARs are on the operator's and webhook's class path. */
export const OPERATOR_LIB_DIR = '/opt/flink/operator-lib';
/** Name of the volume shared by all operator libs. */
export const OPERATOR_LIB_VOLUME = 'operator-lib';

const NAME = /^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$/;
const SHA256 = /^[0-9a-fA-F]{64}$/;
const URL = /^https?:\/\/[^\s/]+\S*$/;
const JAVA_CLASS = /^(?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*$/;
const CONFIGURATION_KEY = /^[^\s]+$/;

/**
 * Downloads `$JAR_URL` next to `$JAR_FILE`, checks it against `$JAR_SHA256`
 * and only then moves it into place. `sh -e` stops at the first failure, so a
 * wrong checksum fails the init container and the pod does not start. The
 * values come from the environment, never from the script text.
 */
export const INSTALL_SCRIPT = [
  'curl --fail --silent --show-error --location --retry 3 --output "$JAR_FILE.download" "$JAR_URL"',
  'echo "$JAR_SHA256  $JAR_FILE.download" | sha256sum -c -',
  'mv "$JAR_FILE.download" "$JAR_FILE"',
].join('\n');

/** Where and how one checked JAR is installed. */
export interface InstalledJar {
  readonly name: string;
  readonly url: string;
  /** Lowercase hex checksum. */
  readonly sha256: string;
  /** Directory the JAR is installed into (a volume mount). */
  readonly directory: string;
  /** Name of the volume mounted at `directory`. */
  readonly volume: string;
  /** Name of the init container. */
  readonly initContainer: string;
}

/** An installed plugin and the operator configuration it adds. */
export interface InstalledPlugin extends InstalledJar {
  readonly configuration: Map<string, string>;
}

function checkJar(what: string, parameter: string, options: OperatorJarOptions): void {
  if (!isObject(options)) {
    reject(parameter, `must be a map, got ${describeValue(options)}`);
  }
  if (typeof options.name !== 'string' || !NAME.test(options.name)) {
    reject(parameter, `${what} 'name' must be a lowercase DNS label of at most 40 characters ([a-z0-9-], starting and ending with a letter or digit), got ${describeValue(options.name)}`);
  }
  if (typeof options.url !== 'string' || !URL.test(options.url)) {
    reject(parameter, `${what} '${options.name}': 'url' must be an http:// or https:// URL, got ${describeValue(options.url)}`);
  }
  if (typeof options.sha256 !== 'string' || !SHA256.test(options.sha256)) {
    reject(parameter, `${what} '${options.name}': 'sha256' must be 64 hex digits, got ${describeValue(options.sha256)}`);
  }
}

/** Checks a plugin and computes where it goes and what it configures. */
export function installPlugin(options: OperatorPluginOptions): InstalledPlugin {
  checkJar('plugin', 'plugins', options);
  const configuration = new Map<string, string>();
  const prefix = `kubernetes.operator.plugins.listeners.${options.name}.`;
  if (options.listenerClass !== undefined) {
    if (typeof options.listenerClass !== 'string' || !JAVA_CLASS.test(options.listenerClass)) {
      reject('plugins', `plugin '${options.name}': 'listenerClass' must be a fully qualified Java class name, got ${describeValue(options.listenerClass)}`);
    }
    configuration.set(`${prefix}class`, options.listenerClass);
  }
  if (options.listenerConfiguration !== undefined && !isObject(options.listenerConfiguration)) {
    reject('plugins', `plugin '${options.name}': 'listenerConfiguration' must be an object, got ${describeValue(options.listenerConfiguration)}`);
  }
  const extra = Object.entries(options.listenerConfiguration ?? {});
  if (extra.length > 0 && options.listenerClass === undefined) {
    reject('plugins', `plugin '${options.name}': 'listenerConfiguration' needs 'listenerClass'`);
  }
  for (const [key, value] of extra) {
    if (!CONFIGURATION_KEY.test(key) || key === 'class') {
      reject('plugins', `plugin '${options.name}': 'listenerConfiguration' key ${describeValue(key)} must be non-empty, without spaces, and not 'class'`);
    }
    const unwritable = unwritableEntry(`${prefix}${key}`, value);
    if (unwritable !== undefined) {
      reject('plugins', `plugin '${options.name}': 'listenerConfiguration': ${unwritable}`);
    }
    configuration.set(`${prefix}${key}`, value);
  }
  return {
    name: options.name,
    url: options.url,
    sha256: options.sha256.toLowerCase(),
    directory: `${PLUGINS_DIR}/${options.name}`,
    volume: `plugin-${options.name}`,
    initContainer: `install-plugin-${options.name}`,
    configuration,
  };
}

/** Checks an operator lib and computes where it goes. */
export function installOperatorLib(options: OperatorJarOptions): InstalledJar {
  checkJar('operator lib', 'operatorLibs', options);
  return {
    name: options.name,
    url: options.url,
    sha256: options.sha256.toLowerCase(),
    directory: OPERATOR_LIB_DIR,
    volume: OPERATOR_LIB_VOLUME,
    initContainer: `install-lib-${options.name}`,
  };
}

/** The init container that downloads and verifies one JAR. */
export function installerContainer(jar: InstalledJar, image: string, imagePullPolicy: string): k8s.Container {
  return {
    name: jar.initContainer,
    image,
    imagePullPolicy,
    command: ['sh', '-ec', INSTALL_SCRIPT],
    env: [
      { name: 'JAR_URL', value: jar.url },
      { name: 'JAR_SHA256', value: jar.sha256 },
      { name: 'JAR_FILE', value: `${jar.directory}/${jar.name}.jar` },
    ],
    securityContext: restrictedContainerSecurityContext(),
    volumeMounts: [{ name: jar.volume, mountPath: jar.directory }],
  };
}
