import * as fs from 'fs';
import * as path from 'path';

/**
 * The vendored CRDs as the build prepares them (`scripts/build-crds.js`, run
 * by the `pre-compile` task): one JSON file per folder of `imports/`. The
 * same path from `src/operator/` (tests) and `lib/operator/` (the package).
 */
const CRDS_DIR = path.join(__dirname, '..', '..', 'lib', 'crds');

/** The JSON text of each folder read so far (parsed anew on every call). */
const texts = new Map<string, string>();

/**
 * The documents vendored in one folder of `imports/` (the CRDs of an
 * operator release, e.g. `apache-flink-kubernetes-operator`), in file-name
 * order. Read from JSON prepared at build time, once per process; every call
 * returns new objects, so callers may change them.
 *
 * @param folder the folder below `imports/`, `/`-separated
 */
export function vendoredCrds(folder: string): any[] {
  let text = texts.get(folder);
  if (text === undefined) {
    const file = path.join(CRDS_DIR, ...folder.split('/')) + '.json';
    if (!fs.existsSync(file)) {
      throw new Error(`${file} is missing: run \`npx projen pre-compile\` to prepare the CRDs of imports/${folder}`);
    }
    text = fs.readFileSync(file, 'utf8');
    texts.set(folder, text);
  }
  return JSON.parse(text);
}
