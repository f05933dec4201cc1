/**
 * The README's "Other languages" blocks are the quick start programs of
 * test/bindings/, word for word: a block marked
 * `<!-- bindings: test/bindings/<language>/<file> -->` must equal that file.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The quick start programs the README must show. */
export const QUICK_STARTS = [
  'test/bindings/python/app.py',
  'test/bindings/java/src/main/java/example/QuickStart.java',
  'test/bindings/go/quickstart/main.go',
];

const MARKER = /^<!--\s*bindings:\s*(\S+)\s*-->$/;

/** The differences between the README's marked blocks and the files; empty when they agree. */
export function readmeDifferences(root: string): string[] {
  const lines = fs.readFileSync(path.join(root, 'README.md'), 'utf8').split('\n');
  const shown = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    const file = MARKER.exec(lines[i].trim())?.[1];
    if (file === undefined || !lines[i + 1]?.startsWith('```')) {
      continue;
    }
    const end = lines.indexOf('```', i + 2);
    shown.set(file, lines.slice(i + 2, end).join('\n') + '\n');
  }
  const problems: string[] = [];
  for (const file of QUICK_STARTS) {
    const block = shown.get(file);
    if (block === undefined) {
      problems.push(`README.md shows no block marked <!-- bindings: ${file} -->`);
    } else if (block !== fs.readFileSync(path.join(root, file), 'utf8')) {
      problems.push(`README.md's block of ${file} differs from the file`);
    }
  }
  return problems;
}
