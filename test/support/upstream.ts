import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

/** The upstream operator's example CRs (vendored test fixtures). */
export const UPSTREAM_EXAMPLES = path.join(__dirname, '..', 'fixtures', 'apache-flink-kubernetes-operator', 'examples');

/** Every document of an upstream example file, as plain JSON. */
export function upstreamDocuments(file: string): any[] {
  const text = fs.readFileSync(path.join(UPSTREAM_EXAMPLES, file), 'utf8');
  return parseAllDocuments(text).map((d) => d.toJS()).filter((d) => d !== null && d !== undefined);
}

/** The relative paths of the upstream example files, sorted. */
export function upstreamExampleFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (/\.ya?ml$/.test(entry.name)) {
        out.push(path.relative(UPSTREAM_EXAMPLES, full));
      }
    }
  };
  walk(UPSTREAM_EXAMPLES);
  return out.sort();
}
