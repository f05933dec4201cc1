// Joins the CRD files of one API group into a single multi-document YAML,
// which is what `cdk8s import` needs to generate one module for the group.
const fs = require('fs');
const path = require('path');

const [srcDir, outFile] = process.argv.slice(2);
if (!srcDir || !outFile) {
  console.error('usage: concat-crds.js SRC_DIR OUT_FILE');
  process.exit(2);
}
const files = fs.readdirSync(srcDir).filter((f) => /\.ya?ml$/.test(f)).sort();
const docs = files.map((f) => fs.readFileSync(path.join(srcDir, f), 'utf8').replace(/^---\s*\n/, ''));
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, docs.join('\n---\n'));
console.log(`${outFile}: ${files.length} CRDs`);
