import * as fs from 'fs';
import * as path from 'path';
import { load } from 'js-yaml';
import { OperatorVersion } from './operator-version';

/**
 * The CustomResourceDefinitions of each supported operator release, vendored
 * under `imports/apache-flink-kubernetes-operator/<release>/` and shipped
 * with the package. The one source of truth for what a target release
 * accepts: FlinkOperator installs them, and the Flink versions and enums the
 * library checks come from them.
 */

const CRD_ROOT = path.join(__dirname, '..', 'imports', 'apache-flink-kubernetes-operator');

/** The CRD file of each kind, in the order the chart lists them. */
const CRD_FILES: Record<string, string> = {
  FlinkBlueGreenDeployment: 'flinkbluegreendeployments.flink.apache.org-v1.yml',
  FlinkDeployment: 'flinkdeployments.flink.apache.org-v1.yml',
  FlinkSessionJob: 'flinksessionjobs.flink.apache.org-v1.yml',
  FlinkStateSnapshot: 'flinkstatesnapshots.flink.apache.org-v1.yml',
};

const loaded = new Map<string, any>();

/**
 * The CRD of one kind in a release, parsed once per process and shared:
 * callers must not change it (`operatorCrds` gives copies). The only place
 * that reads the vendored files.
 */
function loadCrd(version: OperatorVersion, kind: string): any {
  const file = CRD_FILES[kind];
  if (file === undefined) {
    throw new Error(`no CRD for ${kind} in operator ${version.version}`);
  }
  const key = `${version.version}/${file}`;
  let crd = loaded.get(key);
  if (crd === undefined) {
    crd = load(fs.readFileSync(path.join(CRD_ROOT, version.version, file), 'utf8'));
    loaded.set(key, crd);
  }
  return crd;
}

/**
 * The four CustomResourceDefinitions of an operator release, as deep copies
 * (rendering may change them).
 */
export function operatorCrds(version: OperatorVersion): any[] {
  return Object.keys(CRD_FILES).map((kind) => structuredClone(loadCrd(version, kind)));
}

/**
 * The `v1beta1` schema of one kind in a release's CRDs (shared; do not
 * change it).
 *
 * @param kind e.g. `FlinkDeployment`
 */
export function crdSchema(version: OperatorVersion, kind: string): any {
  const served = loadCrd(version, kind).spec.versions.find((v: any) => v.name === 'v1beta1');
  if (served === undefined) {
    throw new Error(`no v1beta1 CRD for ${kind} in operator ${version.version}`);
  }
  return served.schema.openAPIV3Schema;
}

/**
 * The values a release's CRD allows for the field at a dotted path of a
 * kind's schema (e.g. `spec.flinkVersion`), or `undefined` when the field
 * is not declared or is not an enum.
 */
export function crdEnum(version: OperatorVersion, kind: string, fieldPath: string): string[] | undefined {
  const field = crdField(version, kind, fieldPath);
  return Array.isArray(field?.enum) ? [...field.enum] : undefined;
}

/**
 * Whether a release's CRD declares the field at a dotted path of a kind's
 * schema (`spec.jobManager.resources`).
 */
export function crdDeclares(version: OperatorVersion, kind: string, fieldPath: string): boolean {
  return crdField(version, kind, fieldPath) !== undefined;
}

function crdField(version: OperatorVersion, kind: string, fieldPath: string): any {
  let schema = crdSchema(version, kind);
  for (const name of fieldPath.split('.')) {
    schema = schema?.properties?.[name];
  }
  return schema;
}
