import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

/** The upstream operator's example CRs of release 1.15.0 (vendored test fixtures, SHA256SUMS). */
export const UPSTREAM_EXAMPLES = path.join(FIXTURES, 'apache-flink-kubernetes-operator', 'examples');

/** The upstream operator's example CRs of the 1.16 line (vendored test fixtures, PROVENANCE). */
export const UPSTREAM_EXAMPLES_1_16 = path.join(FIXTURES, 'apache-flink-kubernetes-operator-1.16', 'examples');

/** Every document of an upstream example file, as plain JSON (`dir`: the example set, 1.15.0 by default). */
export function upstreamDocuments(file: string, dir: string = UPSTREAM_EXAMPLES): any[] {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  return parseAllDocuments(text).map((d) => d.toJS()).filter((d) => d !== null && d !== undefined);
}

/** The relative paths of the upstream example files of a set (1.15.0 by default), sorted. */
export function upstreamExampleFiles(dir: string = UPSTREAM_EXAMPLES): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (/\.ya?ml$/.test(entry.name)) {
        out.push(path.relative(dir, full));
      }
    }
  };
  walk(dir);
  return out.sort();
}
