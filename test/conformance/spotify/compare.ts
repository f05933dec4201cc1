/**
 * One conformance case: the library's answer for a FlinkCluster document
 * beside the oracle's, and whether they agree, differ in a documented way,
 * or differ.
 */
import { isDeepStrictEqual } from 'util';
import { DOCUMENTED_DIFFERENCES } from './differences';
import { OracleAnswer } from './oracle';
import { flinkClusterErrors } from '../../../src/render/spotify/_flink-cluster-errors';
import { defaultFlinkCluster } from '../../../src/render/spotify/_webhook-default';
import { flinkClusterCreateErrors } from '../../../src/render/spotify/_webhook-validate';

/** What the library says about a document. */
export interface LibraryAnswer {
  /** `cdk8s-flink validate`'s errors for the document (schema, then webhook). */
  readonly errors: string[];
  /** Its schema errors (the errors before the webhook's). */
  readonly schemaErrors: string[];
  readonly defaulted: any;
  readonly createErrors: string[];
}

/** How a case came out. */
export interface Outcome {
  /** `agree`, a documented difference's id, or `differ`. */
  readonly kind: string;
  /** What differs, for `differ` and documented differences. */
  readonly detail?: string;
}

/** The library's answer. */
export function libraryAnswer(document: unknown): LibraryAnswer {
  const defaulted = defaultFlinkCluster(document);
  const errors = flinkClusterErrors(document);
  const createErrors = flinkClusterCreateErrors(defaulted);
  // `cdk8s-flink validate` lists the schema's errors first.
  return { errors, schemaErrors: errors.slice(0, errors.length - createErrors.length), defaulted, createErrors };
}

/**
 * The question the oracle gets for a document: as the API server would
 * pass it to the webhooks (the request's namespace set, see
 * `requestNamespace`).
 */
export function oracleObject(document: any): any {
  const meta = document?.metadata;
  if (typeof meta === 'object' && meta !== null && !Array.isArray(meta) && (meta.namespace === undefined || meta.namespace === '')) {
    return { ...document, metadata: { ...meta, namespace: 'default' } };
  }
  return document;
}

const fieldOf = (message: string) => message.substring(0, message.indexOf(': '));

/** Compares the library's and the oracle's answers for one document. */
export function compare(document: any, lib: LibraryAnswer, oracle: OracleAnswer): Outcome {
  if (oracle.error !== undefined || oracle.create === undefined) {
    return { kind: 'differ', detail: `the oracle failed: ${oracle.error}` };
  }
  // The mutating webhook could not decode the object.
  if (oracle.defaulted === undefined) {
    if (lib.schemaErrors.length > 0) {
      return { kind: DOCUMENTED_DIFFERENCES.decodeBeforeSchema.id, detail: `${oracle.create.message} | ${lib.schemaErrors[0]}` };
    }
    return { kind: 'differ', detail: `verdict: the mutating webhook denies (${oracle.create.message}), the library says ${JSON.stringify(lib.errors)}` };
  }
  const defaulted = defaultedDifference(document, lib, oracle);
  if (defaulted !== undefined) {
    return { kind: 'differ', detail: `defaulted object: ${defaulted}` };
  }
  if (oracle.schemaErrors.length > 0) {
    if (lib.schemaErrors.length === 0) {
      return { kind: 'differ', detail: `verdict: schema errors ${JSON.stringify(oracle.schemaErrors)}, the library says ${JSON.stringify(lib.errors)}` };
    }
    const libFields = [...new Set(lib.schemaErrors.map(fieldOf))].sort();
    const oracleFields = [...new Set(oracle.schemaErrors.map(fieldOf))].sort();
    if (!isDeepStrictEqual(libFields, oracleFields)) {
      return { kind: 'differ', detail: `schema error fields: ${JSON.stringify(oracle.schemaErrors)} vs the library's ${JSON.stringify(lib.schemaErrors)}` };
    }
    return isDeepStrictEqual([...lib.schemaErrors].sort(), [...oracle.schemaErrors].sort())
      ? { kind: 'agree' }
      : { kind: DOCUMENTED_DIFFERENCES.schemaWording.id, detail: `${oracle.schemaErrors[0]} | ${lib.schemaErrors[0]}` };
  }
  if (lib.schemaErrors.length > 0) {
    return { kind: 'differ', detail: `verdict: the API server's schema admits it, the library says ${JSON.stringify(lib.schemaErrors)}` };
  }
  if (oracle.create.allowed) {
    return lib.errors.length === 0 ? { kind: 'agree' } : { kind: 'differ', detail: `verdict: the webhook admits it, the library says ${JSON.stringify(lib.errors)}` };
  }
  if (lib.errors.length === 0) {
    return { kind: 'differ', detail: `verdict: the webhook denies it (${oracle.create.message}), the library admits it` };
  }
  if (lib.errors[0] === oracle.create.message) {
    return { kind: 'agree' };
  }
  const detail = `message: the webhook says ${JSON.stringify(oracle.create.message)}, the library ${JSON.stringify(lib.errors[0])}`;
  return sameAggregate(lib.errors[0], oracle.create.message ?? '') ? { kind: DOCUMENTED_DIFFERENCES.mapOrder.id, detail } : { kind: 'differ', detail };
}

/** Whether two aggregated messages (`[spec.x: ..., spec.x: ...]`) list the same errors, in any order. */
function sameAggregate(a: string, b: string): boolean {
  const items = (message: string) => (message.startsWith('[') && message.endsWith(']')
    ? message.slice(1, -1).split(/, (?=spec\.)/).sort() : undefined);
  const [x, y] = [items(a), items(b)];
  return x !== undefined && x.length > 1 && isDeepStrictEqual(x, y);
}

/**
 * The first difference between the library's and the oracle's defaulted
 * objects, if any, both in the Go types' encoding (see `goEncoding`).
 */
function defaultedDifference(document: any, lib: LibraryAnswer, oracle: OracleAnswer): string | undefined {
  if (oracle.canonical === undefined) {
    return `the library's defaulted object does not decode into the operator's types: ${JSON.stringify(lib.defaulted)}`;
  }
  const expected = structuredClone(oracle.defaultedCanonical);
  if (document?.metadata?.namespace === undefined && expected?.metadata?.namespace === 'default') {
    delete expected.metadata.namespace;
  }
  return firstDifference(oracle.canonical, expected, '');
}

function firstDifference(a: any, b: any, path: string): string | undefined {
  if (isDeepStrictEqual(a, b)) {
    return undefined;
  }
  const objects = typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && Array.isArray(a) === Array.isArray(b);
  if (!objects) {
    return `${path || '<root>'}: library ${JSON.stringify(a)}, webhook ${JSON.stringify(b)}`;
  }
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const found = firstDifference(a[key], b[key], path === '' ? key : `${path}.${key}`);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}
