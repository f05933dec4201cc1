// Prints `jest: N passed, M failed` from jest-junit's report and exits
// non-zero when any test failed or the report is missing or empty.
const fs = require('fs');

const file = process.argv[2] || 'test-reports/junit.xml';
if (!fs.existsSync(file)) {
  console.log('jest: 0 passed, 1 failed');
  console.error(`${file} not found: the tests did not run`);
  process.exit(1);
}
const xml = fs.readFileSync(file, 'utf8');
const root = /<testsuites\b[^>]*>/.exec(xml);
const attr = (name) => Number((new RegExp(`\\b${name}="(\\d+)"`).exec(root ? root[0] : '') || [])[1] || 0);
const total = attr('tests');
const failed = attr('failures') + attr('errors');
const skipped = (xml.match(/<skipped\s*\/>/g) || []).length;
const passed = total - failed - skipped;
console.log(`jest: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || total === 0 ? 1 : 0);
