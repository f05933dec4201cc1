import { isObject } from './_fields';
import { flinkVersionFromMajorMinor, isEqualOrNewer, isKnownFlinkVersion, FLINK_VERSIONS } from './_flink-versions';
import { chartDefaultConfiguration } from './_operator-chart';
import { FlinkHookContext } from '../hooks/context';
import { javaDoubleToString, parseJavaInt } from '../jvm/_java-numbers';
import { OperatorVersion } from '../operator-version';

/**
 * The operator's default configuration as the Helm chart of a release
 * installs it with default values (see `chartDefaultConfiguration`): what
 * validators see when no FlinkOperator or scope sets one.
 *
 * @param version the target release; the newest supported when not given
 */
export function upstreamOperatorConfiguration(version?: OperatorVersion): Readonly<Record<string, string>> {
  return chartDefaultConfiguration(version ?? OperatorVersion.LATEST);
}

const NAMESPACE_DEFAULTS_PREFIX = 'kubernetes.operator.default-configuration.namespace.';
const VERSION_DEFAULTS_PREFIX = 'kubernetes.operator.default-configuration.flink-version.';
const VERSION_DEFAULTS_KEY = /^kubernetes\.operator\.default-configuration\.flink-version\.v(\d+)_(\d+)(\+)?\.[^\n\r\u0085\u2028\u2029]*$/;

/** A scalar as Jackson's `JsonNode.asText()` renders it; `undefined` for what JSON cannot hold. */
function scalarText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isSafeInteger(value) ? String(value) : javaDoubleToString(value);
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'object':
      return value === null ? 'null' : '';
    default:
      return undefined;
  }
}

function flattenInto(value: unknown, key: string, out: Map<string, string>): void {
  if (isObject(value)) {
    for (const [child, childValue] of Object.entries(value)) {
      flattenInto(childValue, key === '' ? child : `${key}.${child}`, out);
    }
  } else if (Array.isArray(value)) {
    if (value.length > 0) {
      out.set(key, value.map((item) => scalarText(item) ?? '').join(';'));
    }
  } else {
    const text = scalarText(value);
    if (text !== undefined) {
      out.set(key, text);
    }
  }
}

/**
 * The flattened `flinkConfiguration` (see `flattenConfiguration`) as a map,
 * in the order of its keys: for callers that only iterate it.
 */
export function flatConfigurationEntries(value: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (isObject(value)) {
    flattenInto(value, '', out);
  }
  return out;
}

/**
 * Flattens a `flinkConfiguration` the way the operator reads it: nested
 * objects are joined with `.`, non-empty lists become their items joined
 * with `;` (empty lists are dropped), and scalars become their text
 * (`null` becomes `"null"`). Flat input passes through; anything but an
 * object gives an empty configuration.
 */
export function flattenConfiguration(value: any): Record<string, string> {
  return Object.fromEntries(flatConfigurationEntries(value));
}

/**
 * The version-scoped default prefixes that apply to a Flink version, in the
 * order the operator applies them: every `v<x>_<y>+.` prefix present in the
 * defaults for a version not newer than the resource's, oldest first, then
 * the exact `v<x>_<y>.` prefix.
 */
function versionPrefixes(defaults: ReadonlyMap<string, string>, flinkVersion: string): string[] {
  const applicable = new Set<string>();
  for (const key of defaults.keys()) {
    const match = VERSION_DEFAULTS_KEY.exec(key);
    if (match === null || match[3] === undefined) {
      continue;
    }
    const major = parseJavaInt(match[1]);
    const minor = parseJavaInt(match[2]);
    const version = 'value' in major && 'value' in minor ? flinkVersionFromMajorMinor(major.value, minor.value) : undefined;
    if (version !== undefined && isEqualOrNewer(flinkVersion, version)) {
      applicable.add(version);
    }
  }
  const ordered = FLINK_VERSIONS.filter((version) => applicable.has(version)).map((version) => `${VERSION_DEFAULTS_PREFIX}${version}+.`);
  return [...ordered, `${VERSION_DEFAULTS_PREFIX}${flinkVersion}.`];
}

function applyScopedDefaults(prefix: string, defaults: ReadonlyMap<string, string>, into: Map<string, string>): void {
  for (const [key, value] of defaults) {
    if (key.startsWith(prefix)) {
      into.set(key.substring(prefix.length), value);
    }
  }
}

/** What scopes the operator's defaults to one resource. */
export interface ConfigurationScope {
  /** The resource's namespace: `kubernetes.operator.default-configuration.namespace.<ns>.` defaults apply. */
  readonly namespace?: unknown;
  /** The resource's Flink version: `kubernetes.operator.default-configuration.flink-version.<v>[+].` defaults apply. */
  readonly flinkVersion?: unknown;
}

/** The operator configuration a hook context stands for: its own, or the upstream chart defaults. */
/**
 * The flattened operator defaults as a map, computed once per configuration
 * object: every resource of an app shares the same one.
 */
const FLATTENED_DEFAULTS = new WeakMap<object, ReadonlyMap<string, string>>();

function operatorDefaults(context?: FlinkHookContext): ReadonlyMap<string, string> {
  const configured = isObject(context) ? context.operatorConfiguration : undefined;
  const source: object = isObject(configured) ? configured : upstreamOperatorConfiguration(targetVersion(context));
  let defaults = FLATTENED_DEFAULTS.get(source);
  if (!defaults) {
    defaults = flatConfigurationEntries(operatorConfiguration(context));
    FLATTENED_DEFAULTS.set(source, defaults);
  }
  return defaults;
}

export function operatorConfiguration(context?: FlinkHookContext): Record<string, string> {
  const configured = isObject(context) ? context.operatorConfiguration : undefined;
  return flattenConfiguration(configured ?? upstreamOperatorConfiguration(targetVersion(context)));
}

function targetVersion(context?: FlinkHookContext): OperatorVersion | undefined {
  const version = isObject(context) ? context.operatorVersion : undefined;
  return version instanceof OperatorVersion ? version : undefined;
}

/**
 * The configuration a resource runs with, as the operator computes it: the
 * operator defaults (the context's, else the upstream chart's), with the
 * namespace-scoped and then the version-scoped defaults laid over them,
 * then the resource's own flattened `flinkConfiguration` (which wins).
 */
export function effectiveConfiguration(flinkConfiguration: any, context?: FlinkHookContext, scope?: ConfigurationScope): Record<string, string> {
  const own = flatConfigurationEntries(flinkConfiguration);
  const defaults = scopedDefaults(operatorDefaults(context), scope);
  if (own.has('__proto__') || defaults.has('__proto__')) {
    const effective = new Map(defaults);
    own.forEach((value, key) => effective.set(key, value));
    return Object.fromEntries(effective);
  }
  // Copying the shared record of the defaults is much faster than rebuilding
  // it from the map for every resource.
  const effective: Record<string, string> = { ...defaultsRecord(defaults) };
  own.forEach((value, key) => {
    effective[key] = value;
  });
  return effective;
}

/** The defaults as a record, made once per defaults map. */
const DEFAULTS_RECORDS = new WeakMap<ReadonlyMap<string, string>, Readonly<Record<string, string>>>();

function defaultsRecord(defaults: ReadonlyMap<string, string>): Readonly<Record<string, string>> {
  let record = DEFAULTS_RECORDS.get(defaults);
  if (record === undefined) {
    record = Object.freeze(Object.fromEntries(defaults));
    DEFAULTS_RECORDS.set(defaults, record);
  }
  return record;
}

/** Scoped defaults per operator defaults and (namespace, version): the same few pairs recur for every resource. */
const SCOPED_DEFAULTS = new WeakMap<ReadonlyMap<string, string>, Map<string, ReadonlyMap<string, string>>>();

/** The operator defaults with the namespace-scoped, then the version-scoped defaults laid over them. */
function scopedDefaults(defaults: ReadonlyMap<string, string>, scope?: ConfigurationScope): ReadonlyMap<string, string> {
  const namespace = typeof scope?.namespace === 'string' ? scope.namespace : undefined;
  const version = isKnownFlinkVersion(scope?.flinkVersion) ? scope.flinkVersion : undefined;
  // A NUL cannot occur in a namespace or a Flink version name.
  const cacheKey = `${namespace ?? ''}\u0000${version ?? ''}\u0000${namespace === undefined ? 0 : 1}`;
  let byScope = SCOPED_DEFAULTS.get(defaults);
  if (!byScope) {
    byScope = new Map();
    SCOPED_DEFAULTS.set(defaults, byScope);
  }
  let scoped = byScope.get(cacheKey);
  if (!scoped) {
    const effective = new Map(defaults);
    if (namespace !== undefined) {
      applyScopedDefaults(`${NAMESPACE_DEFAULTS_PREFIX}${namespace}.`, defaults, effective);
    }
    if (version !== undefined) {
      for (const prefix of versionPrefixes(defaults, version)) {
        applyScopedDefaults(prefix, defaults, effective);
      }
    }
    scoped = effective;
    byScope.set(cacheKey, scoped);
  }
  return scoped;
}
