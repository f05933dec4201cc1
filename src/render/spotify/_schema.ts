/**
 * Validation of `FlinkCluster` documents against the vendored CRD's
 * `openAPIV3Schema` with ajv. ajv is loaded and the schema compiled on the
 * first call only (compiling takes about a second): apps and CLI runs
 * without a FlinkCluster never pay for it.
 *
 * One message per problem, `<field path>: <message>` (arrays as `[i]`),
 * sorted by path: `spec.jobManager.ports.rpc: must be integer`. A missing
 * required field reads `spec.image.name: Required value`, as the API server
 * words it.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { flinkClusterSchema } from './_crd';

let validator: ValidateFunction | undefined;

/**
 * The schema errors of a FlinkCluster document (an empty list when it is
 * valid). Never throws.
 *
 * @param cluster the FlinkCluster as written
 */
export function flinkClusterSchemaErrors(cluster: any): string[] {
  validator ??= compileSchema(flinkClusterSchema());
  return schemaErrors(validator, cluster);
}

/**
 * Compiles a CRD schema as the API server reads it: every error collected,
 * Kubernetes' own keywords (`x-kubernetes-*`) and formats not checked.
 */
export function compileSchema(schema: object): ValidateFunction {
  // Loaded here, not at the top: only FlinkCluster validation needs ajv.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv: typeof import('ajv').default = require('ajv').default;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, verbose: true, code: { optimize: false } });
  return ajv.compile(schema);
}

/** The messages of a compiled schema for a value, one per problem, sorted by field path. */
export function schemaErrors(validate: ValidateFunction, value: unknown): string[] {
  if (validate(value)) {
    return [];
  }
  const messages = (validate.errors ?? [])
    // A failed `anyOf` is reported once, by its own error (the branches' errors only repeat it).
    .filter((error) => !error.schemaPath.includes('/anyOf/'))
    .map((error) => describe(error, value))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map(({ path, message }) => `${path || '<root>'}: ${message}`);
  return [...new Set(messages)];
}

function describe(error: ErrorObject, root: unknown): { path: string; message: string } {
  const path = fieldPath(error.instancePath, root);
  switch (error.keyword) {
    case 'required':
      return { path: join(path, error.params.missingProperty), message: 'Required value' };
    case 'enum':
      return { path, message: `${error.message}: ${error.params.allowedValues.map((v: unknown) => JSON.stringify(v)).join(', ')}` };
    case 'additionalProperties':
      return { path: join(path, error.params.additionalProperty), message: 'unknown field' };
    case 'anyOf': {
      const types = (error.schema as any[]).map((branch) => branch?.type).filter((t) => typeof t === 'string');
      return { path, message: types.length > 0 ? `must be ${types.join(' or ')}` : error.message ?? 'is invalid' };
    }
    default:
      return { path, message: error.message ?? 'is invalid' };
  }
}

/** A JSON pointer into `root` as a field path: `spec.envVars[0].name` (map keys joined with `.`). */
function fieldPath(pointer: string, root: unknown): string {
  let path = '';
  let current: any = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path = Array.isArray(current) ? `${path}[${segment}]` : join(path, segment);
    current = current?.[segment];
  }
  return path;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
