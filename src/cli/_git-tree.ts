import { spawnSync } from 'child_process';
import * as path from 'path';
import { parseDocuments, InputDocument } from './_documents';
import { UsageError } from './_usage-error';

/** Largest output of one git call. */
const MAX_BUFFER = 256 * 1024 * 1024;

function git(cwd: string, args: string[]): { ok: boolean; stdout: string; stderr: string } {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_BUFFER });
  if (run.error) {
    throw new UsageError(`cannot run git: ${run.error.message}`);
  }
  return { ok: run.status === 0, stdout: run.stdout, stderr: run.stderr };
}

/** Whether `ref` names a commit of the repository the directory is in. */
export function isGitRevision(cwd: string, ref: string): boolean {
  return ref !== '' && !ref.startsWith('-') && git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).ok;
}

/**
 * The YAML documents under the given paths at a git revision. Paths are
 * relative to the directory (`fromRoot`: to the repository's root, as in
 * `git show ref:path`).
 */
export function documentsAtRevision(cwd: string, ref: string, paths: string[], fromRoot: boolean): InputDocument[] {
  const prefix = fromRoot ? '' : git(cwd, ['rev-parse', '--show-prefix']).stdout.trim();
  const docs: InputDocument[] = [];
  for (const p of paths) {
    const rooted = path.posix.normalize(path.posix.join(prefix, p.split(path.sep).join('/'))).replace(/^\.\/?/, '').replace(/\/$/, '');
    const listing = git(cwd, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', ref, '--', rooted === '' ? '.' : rooted]);
    if (!listing.ok) {
      throw new UsageError(`--base ${ref}: ${listing.stderr.trim().split('\n')[0]}`);
    }
    const files = listing.stdout.split('\0').filter((f) => /\.ya?ml$/i.test(f)).sort();
    for (const file of files) {
      const blob = git(cwd, ['cat-file', 'blob', `${ref}:${file}`]);
      if (!blob.ok) {
        throw new UsageError(`--base ${ref}:${file}: ${blob.stderr.trim().split('\n')[0]}`);
      }
      docs.push(...parseDocuments(blob.stdout, `${ref}:${file}`));
    }
  }
  return docs;
}
