import { vendoredCrds } from './_vendored-crds';
import { OperatorVersion } from '../operator-version';

/**
 * The CustomResourceDefinitions of each supported operator release, vendored
 * under `imports/apache-flink-kubernetes-operator/<release>/` and shipped as
 * the JSON the build prepares from them (`src/manifest/_vendored-crds.ts`). The one source of truth for what a target release
 * accepts: FlinkOperator installs them, and the Flink versions and enums the
 * library checks come from them.
 */

/** The folder of a release's CRDs below `imports/`. */
function crdFolder(version: OperatorVersion): string {
  return `apache-flink-kubernetes-operator/${version.version}`;
}

/** Each release's CRDs in file-name order (the chart's order), read once per process and shared. */
const loaded = new Map<string, any[]>();

function releaseCrds(version: OperatorVersion): any[] {
  let crds = loaded.get(version.version);
  if (crds === undefined) {
    crds = vendoredCrds(crdFolder(version));
    loaded.set(version.version, crds);
  }
  return crds;
}

/**
 * The CRD of one kind in a release, shared: callers must not change it
 * (`operatorCrds` gives copies).
 */
function loadCrd(version: OperatorVersion, kind: string): any {
  const crd = releaseCrds(version).find((c) => c?.spec?.names?.kind === kind);
  if (crd === undefined) {
    throw new Error(`no CRD for ${kind} in operator ${version.version}`);
  }
  return crd;
}

/**
 * The four CustomResourceDefinitions of an operator release, as deep copies
 * (rendering may change them), in the order the chart lists them.
 */
export function operatorCrds(version: OperatorVersion): any[] {
  return vendoredCrds(crdFolder(version));
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

/**
 * The schema a release's CRD declares for the field at a dotted path of a
 * kind's schema (shared; do not change it), or `undefined`.
 */
export function crdField(version: OperatorVersion, kind: string, fieldPath: string): any {
  let schema = crdSchema(version, kind);
  for (const name of fieldPath.split('.')) {
    schema = schema?.properties?.[name];
  }
  return schema;
}
