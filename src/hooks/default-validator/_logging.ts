import { isObject } from '../../manifest/_fields';

/**
 * The log configuration check: only the two files the operator mounts may
 * be overridden. (Upstream prints the allowed keys from an unordered
 * `Set.of`, so their order may vary there; here it is fixed.)
 */
const ALLOWED_LOG_CONFIG_KEYS = ['log4j-console.properties', 'logback-console.xml'];

/** One message per unknown key of `spec.logConfiguration`, in manifest order. */
export function logConfigErrors(logConfiguration: unknown): string[] {
  if (!isObject(logConfiguration)) {
    return [];
  }
  return Object.keys(logConfiguration)
    .filter((key) => !ALLOWED_LOG_CONFIG_KEYS.includes(key))
    .map((key) => `Invalid log config key: ${key}. Allowed keys are [${ALLOWED_LOG_CONFIG_KEYS.join(', ')}]`);
}
