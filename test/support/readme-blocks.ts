/**
 * The TypeScript code blocks of README.md as programs: each ```ts block,
 * with the blocks it continues before it, becomes a module that imports the
 * library from `src/`. A block without `import` lines is a fragment: it gets
 * a prelude that imports every public symbol of the library, cdk8s and
 * cdk8s-plus-27 and defines `app` and `chart` (namespace `flink`), and it
 * ends with `app.synth()`.
 *
 * Markers, an HTML comment on the line before the fence:
 * - `<!-- readme-test: name=NAME -->` names the block;
 * - `<!-- readme-test: continues=NAME -->` puts the named block's code (and
 *   what that one continues) before this one;
 * - both may be given: `<!-- readme-test: name=B continues=A -->`;
 * - `<!-- readme-test: typecheck-only (why) -->` type-checks the block but does
 *   not run it (a jest test file, which only jest itself can run).
 */
import * as fs from 'fs';

/** One ```ts block of the README. */
export interface ReadmeBlock {
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly name?: string;
  readonly continues?: string;
  /** Whether the block is only type-checked (it is not a program, e.g. a jest test file). */
  readonly typecheckOnly: boolean;
  readonly code: string;
}

const MARKER = /^<!--\s*readme-test:(.*)-->\s*$/;

/** Every ```ts block of a Markdown file, with its marker. */
export function readmeBlocks(file: string): ReadmeBlock[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```ts') {
      continue;
    }
    const indent = lines[i].indexOf('`');
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i].trim() !== '```'; i++) {
      body.push(lines[i].slice(indent));
    }
    const marker = MARKER.exec(lines[start - 1]?.trim() ?? '')?.[1] ?? '';
    const field = (key: string) => new RegExp(`\\b${key}=([\\w-]+)`).exec(marker)?.[1];
    blocks.push({
      line: start + 1, name: field('name'), continues: field('continues'), typecheckOnly: /\btypecheck-only\b/.test(marker), code: body.join('\n') + '\n',
    });
  }
  return blocks;
}

/**
 * The program of one block: the prelude for fragments, the code of the
 * blocks it continues, its own code, and `app.synth()` for fragments.
 *
 * @param exports the names `src/index.ts` exports, for the prelude
 * @param library the module path that stands for `cdk8s-flink`
 */
export function blockProgram(block: ReadmeBlock, all: ReadmeBlock[], exports: readonly string[], library: string): string {
  const chain: ReadmeBlock[] = [block];
  for (let current = block; current.continues !== undefined;) {
    const previous = all.find((b) => b.name === current.continues);
    if (!previous) {
      throw new Error(`README.md:${current.line}: continues=${current.continues}, but no block is named so`);
    }
    chain.unshift(previous);
    current = previous;
  }
  const code = chain.map((b) => b.code).join('\n').replace(/from 'cdk8s-flink'/g, `from '${library}'`);
  if (/^import /m.test(chain[0].code)) {
    return code;
  }
  return [
    "import { App, Chart, Duration, Size, Testing, ApiObject, JsonPatch } from 'cdk8s';",
    "import { k8s, ImagePullPolicy, Cpu } from 'cdk8s-plus-27';",
    `import { ${exports.join(', ')} } from '${library}';`,
    'const app = new App();',
    "const chart = new Chart(app, 'readme', { namespace: 'flink' });",
    code,
    'app.synth();',
    '',
  ].join('\n');
}
