/**
 * The module graph of a source tree, read by dependency-cruiser, and the two
 * rules the library's layout keeps (DESIGN.md §2):
 * - no module cycles: no chain of imports leads from a module back to itself
 *   (type-only imports count too, except between public construct modules
 *   whose declared API names each other: see `TYPE_REFERENCES`);
 * - a private module (`_`-prefixed) is used within its concept folder
 *   (`src/<concept>/`, subfolders included) only, unless it lives in a
 *   shared internal module or the importer composes the concepts.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

/** The shared internal modules: any folder may use their private modules. */
export const SHARED_INTERNAL = [
  'src/manifest/', // the IR, JSON, naming, messages, the vendored CRDs and chart defaults, schema checks
  'src/jvm/', // ports of JDK, Quartz and Flink behaviour
  'src/props/', // the one vocabulary of prop checks and conversions
  'src/security/', // the restricted pod security defaults and credential checks
  'src/hooks/default-validator/', // the upstream admission rules, reused by the plan and the standalone backend
];

/** The layers that compose the concepts: the public constructs, their shared internals, the command. */
export const COMPOSERS = [/^src\/[^/]+$/, /^src\/resource\//, /^src\/cli\//];

/** One import: `from` imports `to`; `typeOnly` when it is erased at run time. */
export interface Edge { readonly from: string; readonly to: string; readonly typeOnly: boolean }

/** dependency-cruiser's command (the package is ESM only and exports no package.json). */
const CRUISER = path.join(__dirname, '..', '..', 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** The imports between the modules under `root`/src (without src/imports/, the generated L1s). */
export function moduleEdges(root: string): Edge[] {
  const result = spawnSync(process.execPath, [CRUISER, '--no-config', '--ts-pre-compilation-deps', '--do-not-follow', '^node_modules',
    '--exclude', '^src/imports/', '--output-type', 'json', 'src'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`dependency-cruiser failed: ${result.stderr}`);
  }
  const graph = JSON.parse(result.stdout) as { modules: { source: string; dependencies: { resolved: string; dependencyTypes: string[] }[] }[] };
  return graph.modules.filter((m) => m.source.startsWith('src/')).flatMap((m) => m.dependencies
    .filter((d) => d.resolved.startsWith('src/'))
    .map((d) => ({ from: m.source, to: d.resolved, typeOnly: d.dependencyTypes.includes('type-only') })));
}

/** Every cycle (strongly connected set of two or more modules, or a module importing itself), sorted. */
export function cycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) {
        found.push(component.sort());
      }
    }
  };
  for (const v of [...next.keys()].sort()) {
    if (!index.has(v)) {
      visit(v);
    }
  }
  return found.sort((a, b) => a[0].localeCompare(b[0]));
}

/** The concept folder of a module: `src/<concept>/`, or `src/` for the top level. */
function concept(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}/` : `${parts[0]}/`;
}

/** Imports of a private module from outside its concept folder, not allowed by the rules above, as `from -> to`. */
export function privateImportsAcrossFolders(edges: readonly Edge[]): string[] {
  return edges
    .filter((e) => path.basename(e.to).startsWith('_'))
    .filter((e) => concept(e.from) !== concept(e.to))
    .filter((e) => !SHARED_INTERNAL.some((shared) => e.to.startsWith(shared)))
    .filter((e) => !COMPOSERS.some((composer) => composer.test(e.from)))
    .map((e) => `${e.from} -> ${e.to}`)
    .sort();
}
