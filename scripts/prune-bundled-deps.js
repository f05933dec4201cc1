// Build step (pre-compile): removes from the bundled dependencies (package.json
// `bundleDependencies` and the packages they depend on, as installed in
// node_modules/) the files that never run but would ship in the npm package:
// source maps, TypeScript sources (declarations stay), and test, benchmark
// and CI folders. npm packs a bundled dependency by its own package.json
// `files` only (the project's .npmignore does not apply to it), so they are
// left out by removing them from node_modules/. Idempotent; prints what it
// removed.
//
// Usage: node scripts/prune-bundled-deps.js [ROOT]
const fs = require('fs');
const path = require('path');

const root = path.resolve(process.argv[2] || path.join(__dirname, '..'));

/** Files that never run: source maps and TypeScript sources (`.d.ts`, `.d.mts`, `.d.cts` declarations are kept). */
const NEVER_RUNS = /(\.map|(?<!\.d)\.[mc]?ts)$/;

/** Folders of a package's root that never run. */
const NEVER_RUN_FOLDERS = new Set(['test', 'tests', '__tests__', 'benchmark', 'benchmarks', 'bench', '.github']);

/** The folder of an installed package as Node resolves it from `from` (a package folder). */
function packageDir(name, from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) {
      return candidate;
    }
    if (dir === path.dirname(dir)) {
      throw new Error(`bundled dependency ${name} is not installed below ${from}: run npm install`);
    }
  }
}

/** The folders of the bundled packages: the bundled dependencies and, transitively, their dependencies. */
function bundledPackages() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const pending = (manifest.bundleDependencies || manifest.bundledDependencies || []).map((name) => [name, root]);
  const found = new Set();
  while (pending.length > 0) {
    const [name, from] = pending.pop();
    const dir = packageDir(name, from);
    if (found.has(dir)) {
      continue;
    }
    found.add(dir);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    for (const dependency of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      if (pkg.optionalDependencies?.[dependency] === undefined || fs.existsSync(path.join(dir, 'node_modules', dependency))) {
        pending.push([dependency, dir]);
      }
    }
  }
  return [...found].sort();
}

/** Removes what never runs below one package folder (not descending into its node_modules/); returns the bytes removed. */
function prune(dir, isPackageRoot) {
  let removed = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules') {
        continue;
      }
      if (isPackageRoot && NEVER_RUN_FOLDERS.has(entry.name)) {
        removed += size(full);
        fs.rmSync(full, { recursive: true, force: true });
      } else {
        removed += prune(full, false);
      }
    } else if (entry.isFile() && NEVER_RUNS.test(entry.name)) {
      removed += fs.statSync(full).size;
      fs.rmSync(full);
    }
  }
  return removed;
}

function size(dir) {
  return fs.readdirSync(dir, { withFileTypes: true })
    .reduce((sum, e) => sum + (e.isDirectory() ? size(path.join(dir, e.name)) : e.isFile() ? fs.statSync(path.join(dir, e.name)).size : 0), 0);
}

let total = 0;
for (const dir of bundledPackages()) {
  total += prune(dir, true);
}
console.log(`bundled dependencies: removed ${total} bytes of source maps, TypeScript sources and test folders`);
