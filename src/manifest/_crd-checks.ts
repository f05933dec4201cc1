import { crdSchema } from './_operator-crds';
import { OperatorVersion } from '../operator-version';
import { isObject } from './_fields';
import { validateAnnotations, validateLabels } from './_kubernetes-validation';

/**
 * The target operator's CRD as the API server applies it to a resource's
 * `spec`: a value outside an enum is rejected, and a field the schema does
 * not declare is dropped (pruned) or, with strict field validation,
 * rejected. Either way the operator would not get what was written, so
 * both are synth errors, each naming the release that would accept the
 * value, if any. Labels and annotations get the checks the API server
 * applies to every object's metadata.
 */
export function crdErrors(kind: string, manifest: unknown, target: OperatorVersion): string[] {
  const metadata = isObject(manifest) && isObject(manifest.metadata) ? manifest.metadata : {};
  const errors = [...validateLabels(metadata.labels, 'metadata.labels'), ...validateAnnotations(metadata.annotations, 'metadata.annotations')];
  const spec = isObject(manifest) ? manifest.spec : undefined;
  const schema = crdSchema(target, kind).properties?.spec;
  if (isObject(spec) && schema !== undefined) {
    walk(spec, schema, 'spec', { kind, target, errors });
  }
  return errors;
}

interface Walk {
  readonly kind: string;
  readonly target: OperatorVersion;
  readonly errors: string[];
}

function walk(value: unknown, schema: any, path: Path, w: Walk): void {
  if (value === undefined || value === null || !isObject(schema)) {
    return;
  }
  if (Array.isArray(schema.enum) && typeof value === 'string' && !schema.enum.includes(value)) {
    const at = pathText(path);
    w.errors.push(`${at}: '${value}' is not accepted by the ${w.kind} CRD of Flink Kubernetes Operator ${w.target.version}, `
      + `which allows ${schema.enum.join(', ')}; ${fix(w, at, (s) => Array.isArray(s?.enum) && s.enum.includes(value), 'accepts it', 'use one of these')}`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, schema.items, { parent: path, index: i }, w));
    return;
  }
  if (!isObject(value)) {
    return;
  }
  const { properties, additional, closed } = objectSchema(schema);
  for (const key of Object.keys(value)) {
    const childSchema = properties?.get(key) ?? additional;
    if (childSchema !== undefined) {
      walk(value[key], childSchema, { parent: path, key }, w);
    } else if (closed) {
      const childPath = pathText({ parent: path, key });
      w.errors.push(`${childPath} is not a field of the ${w.kind} CRD of Flink Kubernetes Operator ${w.target.version} `
        + `(the API server would drop it); ${fix(w, childPath, (s) => s !== undefined, 'has it', 'remove it')}`);
    }
  }
}

/** What the walk needs of an object schema, read once per schema node (the CRDs are shared and never change). */
interface ObjectSchema {
  /** The declared fields, when the schema lists any. */
  readonly properties?: ReadonlyMap<string, unknown>;
  /** The schema of undeclared fields, when it has one. */
  readonly additional?: unknown;
  /** Whether an undeclared field without a schema is dropped. */
  readonly closed: boolean;
}

const OBJECT_SCHEMAS = new WeakMap<object, ObjectSchema>();

function objectSchema(schema: Record<string, any>): ObjectSchema {
  let info = OBJECT_SCHEMAS.get(schema);
  if (info === undefined) {
    const properties = isObject(schema.properties) ? new Map(Object.entries(schema.properties)) : undefined;
    info = {
      properties,
      additional: isObject(schema.additionalProperties) ? schema.additionalProperties : undefined,
      closed: properties !== undefined && schema.additionalProperties !== true && !schema['x-kubernetes-preserve-unknown-fields'],
    };
    OBJECT_SCHEMAS.set(schema, info);
  }
  return info;
}

/**
 * A path in the walked value, as a chain to the root: its text
 * (`spec.job.args[0]`) is made only for an error.
 */
type Path = string | { readonly parent: Path; readonly key?: string; readonly index?: number };

function pathText(path: Path): string {
  if (typeof path === 'string') {
    return path;
  }
  const parent = pathText(path.parent);
  return path.index !== undefined ? `${parent}[${path.index}]` : `${parent}.${path.key}`;
}

/** How to fix a value the target rejects: the newest release that takes it, or the fallback advice. */
function fix(w: Walk, path: string, accepts: (schema: any) => boolean, verb: string, otherwise: string): string {
  const newer = OperatorVersion.all().filter((v) => v !== w.target).reverse()
    .find((v) => accepts(schemaAt(crdSchema(v, w.kind), path)));
  return newer === undefined ? otherwise
    : `Flink Kubernetes Operator ${newer.version} ${verb}: target it with OperatorVersion.V${newer.major}_${newer.minor} `
      + `(FlinkOperator 'version', FlinkHooks.useOperatorVersion() or cdk8s-flink validate --operator-version ${newer.minorVersion}), or ${otherwise}`;
}

/** The schema of the field at a rendered path (`spec.job.args[0]`). */
function schemaAt(root: any, path: string): any {
  let schema = root;
  for (const segment of path.split('.')) {
    const [name, ...indexes] = segment.split('[');
    schema = schema?.properties?.[name] ?? (isObject(schema?.additionalProperties) ? schema.additionalProperties : undefined);
    for (let i = 0; i < indexes.length; i++) {
      schema = schema?.items;
    }
  }
  return schema;
}
