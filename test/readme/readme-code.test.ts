/**
 * Every TypeScript block of README.md type-checks with the library's strict
 * compiler options and runs: fragments are synthesized in an app of their
 * own (see test/support/readme-blocks.ts for the markers).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { blockProgram, readmeBlocks } from '../support/readme-blocks';

const ROOT = path.join(__dirname, '..', '..');
const README = path.join(ROOT, 'README.md');
const blocks = readmeBlocks(README);
let dir: string;
let diagnostics: Map<string, string[]>;

/** The names src/index.ts exports (the public API), read by the compiler. */
function publicNames(): string[] {
  const program = ts.createProgram([path.join(ROOT, 'src', 'index.ts')], { noEmit: true });
  const checker = program.getTypeChecker();
  const index = checker.getSymbolAtLocation(program.getSourceFile(path.join(ROOT, 'src', 'index.ts'))!)!;
  return checker.getExportsOfModule(index).map((s) => s.name).sort();
}

function fileOf(line: number): string {
  return path.join(dir, `block-${line}.ts`);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(ROOT, '.test-readme-'));
  const exports = publicNames();
  for (const block of blocks) {
    fs.writeFileSync(fileOf(block.line), blockProgram(block, blocks, exports, path.join(ROOT, 'src')));
  }
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, ROOT);
  // The library's strict options; the prelude of a fragment imports more than it uses, so unused names are no error.
  const options = { ...config.options, noEmit: true, noUnusedLocals: false, noUnusedParameters: false, rootDir: ROOT };
  const program = ts.createProgram(blocks.map((b) => fileOf(b.line)), options);
  diagnostics = new Map(blocks.map((b) => [fileOf(b.line), []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file?.fileName;
    if (file && diagnostics.has(file)) {
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      diagnostics.get(file)!.push(`line ${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    }
  }
}, 120_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('README.md has TypeScript blocks', () => {
  expect(blocks.length).toBeGreaterThan(10);
});

describe.each(blocks.map((b) => [b.line, b] as const))('README.md block at line %d', (_line, block) => {
  test('type-checks with the strict compiler options', () => {
    expect(diagnostics.get(fileOf(block.line))).toEqual([]);
  });

  (block.typecheckOnly ? test.skip : test)('runs and synthesizes', () => {
    const outdir = fs.mkdtempSync(path.join(dir, 'out-'));
    const previous = process.env.CDK8S_OUTDIR;
    process.env.CDK8S_OUTDIR = outdir;
    try {
      jest.isolateModules(() => {
        // The block is a module of its own, loaded (and so run) through jest's transform.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require(fileOf(block.line));
      });
    } finally {
      process.env.CDK8S_OUTDIR = previous;
    }
    if (/app\.synth\(\)/.test(fs.readFileSync(fileOf(block.line), 'utf8'))) {
      expect(fs.readdirSync(outdir).length).toBeGreaterThan(0);
    }
  });
});
