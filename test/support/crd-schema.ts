import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';

const CRDS_DIR = path.join(__dirname, '..', '..', 'imports', 'apache-flink-kubernetes-operator');

/** The newest vendored operator release, the library's default target. */
const LATEST = '1.16.1';

/**
 * Makes a CRD schema strict about unknown fields: the API server prunes
 * (drops) fields a structural schema does not declare, so a misspelled
 * field would vanish silently. Objects that preserve unknown fields or
 * declare `additionalProperties` stay open.
 */
export function closeObjects(schema: any): any {
  if (Array.isArray(schema)) {
    return schema.map(closeObjects);
  }
  if (schema === null || typeof schema !== 'object') {
    return schema;
  }
  const out: any = {};
  for (const [k, v] of Object.entries(schema)) {
    out[k] = k === 'properties'
      ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, closeObjects(s)]))
      : closeObjects(v);
  }
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

const IMPLICIT_ROOT_PROPERTIES = {
  apiVersion: { type: 'string' },
  kind: { type: 'string' },
  metadata: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true },
};

const validators = new Map<string, ValidateFunction>();
const loaded = new Set<string>();

function load(release: string): void {
  loaded.add(release);
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const dir = path.join(CRDS_DIR, release);
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yml'))) {
    for (const doc of parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'))) {
      const crd = doc.toJS();
      for (const version of crd.spec.versions) {
        const gv = `${crd.spec.group}/${version.name}`;
        const root = version.schema.openAPIV3Schema;
        // The API server declares these for every resource; CRD schemas leave them out.
        const schema = { ...root, properties: { ...root.properties, ...IMPLICIT_ROOT_PROPERTIES } };
        validators.set(`${release}/${gv}/${crd.spec.names.kind}`, ajv.compile(closeObjects(schema)));
      }
    }
  }
}

/**
 * The schema errors of a rendered Flink custom resource against the vendored
 * CRDs of an operator release (an empty list when valid).
 */
export function crdSchemaErrors(manifest: any, release: string = LATEST): string[] {
  if (!loaded.has(release)) {
    load(release);
  }
  const validate = validators.get(`${release}/${manifest.apiVersion}/${manifest.kind}`);
  if (!validate) {
    return [`no CRD for ${manifest.apiVersion} ${manifest.kind}`];
  }
  if (validate(manifest)) {
    return [];
  }
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

/** Whether a manifest is a Flink custom resource of the vendored CRDs. */
export function isFlinkResource(manifest: any): boolean {
  return typeof manifest?.apiVersion === 'string' && manifest.apiVersion.startsWith('flink.apache.org/');
}
