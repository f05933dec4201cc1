// Build step (pre-compile): prepares the vendored CRDs for synth. Every folder
// under SOURCE (imports/) that holds YAML files becomes TARGET/<folder>.json
// (lib/crds/), one JSON array of its documents in file-name order, so that
// rendering reads JSON instead of parsing megabytes of YAML. Folders nest
// (imports/<operator>/<version>/ becomes lib/crds/<operator>/<version>.json).
//
// Usage: node scripts/build-crds.js [SOURCE] [TARGET]
const fs = require('fs');
const path = require('path');
const { parseAllDocuments } = require('yaml');

const [source = 'imports', target = path.join('lib', 'crds')] = process.argv.slice(2);

/** The folders below dir (dir included) that hold YAML files directly, as paths relative to root. */
function yamlFolders(root, dir = root) {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const own = entries.some((e) => e.isFile() && /\.ya?ml$/i.test(e.name)) ? [path.relative(root, dir)] : [];
  return [...own, ...entries.filter((e) => e.isDirectory()).flatMap((e) => yamlFolders(root, path.join(dir, e.name)))];
}

/** The documents of a folder's YAML files, in file-name order; empty documents left out. */
function documents(dir) {
  return fs.readdirSync(dir).filter((name) => /\.ya?ml$/i.test(name)).sort().flatMap((name) => {
    const file = path.join(dir, name);
    return parseAllDocuments(fs.readFileSync(file, 'utf8')).map((doc) => {
      if (doc.errors.length > 0) {
        throw new Error(`${file}: ${doc.errors[0].message}`);
      }
      return doc.toJS();
    }).filter((value) => value !== null && value !== undefined);
  });
}

fs.rmSync(target, { recursive: true, force: true });
let count = 0;
const folders = yamlFolders(source).filter((folder) => folder !== '');
for (const folder of folders) {
  const docs = documents(path.join(source, folder));
  const out = path.join(target, `${folder}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(docs));
  count += docs.length;
}
console.log(`crds: ${count} documents from ${folders.length} folders of ${source}/ written to ${target}/`);
