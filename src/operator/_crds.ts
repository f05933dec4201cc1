import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

/**
 * The vendored CRD files of the operator release (Helm chart `crds/`),
 * shipped with the package under `imports/`.
 */
const CRD_DIR = path.join(__dirname, '..', '..', 'imports', 'apache-flink-kubernetes-operator');

/** The CRD files, in the order the chart lists them. */
const CRD_FILES = [
  'flinkbluegreendeployments.flink.apache.org-v1.yml',
  'flinkdeployments.flink.apache.org-v1.yml',
  'flinksessionjobs.flink.apache.org-v1.yml',
  'flinkstatesnapshots.flink.apache.org-v1.yml',
];

let cache: any[] | undefined;

/**
 * The four CustomResourceDefinitions of the Flink Kubernetes Operator
 * 1.15.0, parsed from the vendored YAML (read once per process). Callers get
 * deep copies, so rendering may not change the cache.
 */
export function flinkCrds(): any[] {
  if (cache === undefined) {
    cache = CRD_FILES.map((file) => parse(fs.readFileSync(path.join(CRD_DIR, file), 'utf8')));
  }
  return cache.map((crd) => JSON.parse(JSON.stringify(crd)));
}
