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
    walk(spec, SchemaNode.of(schema), 'spec', { kind, target, errors });
  }
  return errors;
}

interface Walk {
  readonly kind: string;
  readonly target: OperatorVersion;
  readonly errors: string[];
}

function walk(value: unknown, node: SchemaNode, path: Path, w: Walk): void {
  if (value === undefined || value === null || node.opaque) {
    return;
  }
  const allowed = node.enum;
  if (allowed !== undefined && typeof value === 'string' && !allowed.includes(value)) {
    const at = pathText(path);
    w.errors.push(`${at}: '${value}' is not accepted by the ${w.kind} CRD of Flink Kubernetes Operator ${w.target.version}, `
      + `which allows ${allowed.join(', ')}; ${fix(w, at, (s) => Array.isArray(s?.enum) && s.enum.includes(value), 'accepts it', 'use one of these')}`);
    return;
  }
  if (Array.isArray(value)) {
    const items = node.items;
    for (let i = 0; i < value.length; i++) {
      walk(value[i], items, { parent: path, index: i }, w);
    }
    return;
  }
  if (!isObject(value)) {
    return;
  }
  for (const key of Object.keys(value)) {
    const child = node.child(key);
    if (child !== undefined) {
      walk(value[key], child, { parent: path, key }, w);
    } else if (node.closed) {
      const childPath = pathText({ parent: path, key });
      w.errors.push(`${childPath} is not a field of the ${w.kind} CRD of Flink Kubernetes Operator ${w.target.version} `
        + `(the API server would drop it); ${fix(w, childPath, (s) => s !== undefined, 'has it', 'remove it')}`);
    }
  }
}

/** The node of each schema object the walk has reached. */
const SCHEMA_NODES = new WeakMap<object, SchemaNode>();

/**
 * What the walk needs of one node of a CRD's schema, read once (the CRDs are
 * shared and never change); its fields' nodes are made when the walk first
 * reaches an object at it.
 */
class SchemaNode {
  /** The node of a schema; an opaque one (nothing checked below it) for a schema that is not an object. */
  public static of(schema: unknown): SchemaNode {
    if (!isObject(schema)) {
      return OPAQUE;
    }
    let node = SCHEMA_NODES.get(schema);
    if (node === undefined) {
      node = new SchemaNode(schema);
      SCHEMA_NODES.set(schema, node);
    }
    return node;
  }

  /** The values a string may take, when the schema enumerates them. */
  public readonly enum?: readonly unknown[];
  /** Whether an undeclared field without a schema is dropped. */
  public readonly closed: boolean;
  private fields?: ReadonlyMap<string, SchemaNode>;
  private additionalNode?: SchemaNode;
  private itemsNode?: SchemaNode;

  constructor(private readonly schema: Record<string, any> | undefined) {
    this.enum = Array.isArray(schema?.enum) ? schema!.enum : undefined;
    this.closed = isObject(schema?.properties) && schema!.additionalProperties !== true && !schema!['x-kubernetes-preserve-unknown-fields'];
  }

  /** Whether nothing is checked below this node (its schema is not an object). */
  public get opaque(): boolean {
    return this.schema === undefined;
  }

  /** The node of array items. */
  public get items(): SchemaNode {
    this.itemsNode ??= SchemaNode.of(this.schema?.items);
    return this.itemsNode;
  }

  /** The node of a field: declared, else the schema of undeclared fields; `undefined` when it has neither. */
  public child(key: string): SchemaNode | undefined {
    if (this.fields === undefined) {
      const properties = this.schema?.properties;
      this.fields = new Map(isObject(properties) ? Object.entries(properties).map(([name, field]) => [name, SchemaNode.of(field)]) : []);
      const additional = this.schema?.additionalProperties;
      this.additionalNode = isObject(additional) ? SchemaNode.of(additional) : undefined;
    }
    return this.fields.get(key) ?? this.additionalNode;
  }
}

/** The node of a schema that is not an object: nothing below it is checked. */
const OPAQUE = new SchemaNode(undefined);

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
