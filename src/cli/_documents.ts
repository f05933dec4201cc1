import * as fs from 'fs';
import * as path from 'path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { UsageError } from './_usage-error';

/** One YAML document of an input file. */
export interface InputDocument {
  /** The file as given on the command line (or found below a directory). */
  readonly file: string;
  /** 1-based line of the document's start. */
  readonly line: number;
  /** The document as plain JSON. */
  readonly value: any;
}

/** Largest input file read, so that a stray binary or dump fails fast. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The YAML files named by the arguments: files as given, directories
 * searched recursively for `*.yaml` / `*.yml`, in sorted order.
 */
export function findYamlFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new UsageError(`${p}: no such file or directory`);
    }
    if (stat.isDirectory()) {
      files.push(...walk(p));
    } else {
      files.push(p);
    }
  }
  return files;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...walk(full));
    } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

/**
 * Every document of a YAML file. Throws `UsageError` with `file:line` for
 * unreadable, binary or malformed input (including alias bombs).
 */
export function readDocuments(file: string): InputDocument[] {
  let buffer: Buffer;
  try {
    if (fs.statSync(file).size > MAX_FILE_BYTES) {
      throw new UsageError(`${file}: larger than ${MAX_FILE_BYTES / (1024 * 1024)} MiB`);
    }
    buffer = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof UsageError) {
      throw e;
    }
    throw new UsageError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (buffer.includes(0)) {
    throw new UsageError(`${file}: binary file, not YAML`);
  }
  return parseDocuments(file, buffer.toString('utf8'));
}

/**
 * Every document of a YAML text read from `file` (a name for messages).
 * Throws `UsageError` with `file:line` for malformed input.
 */
export function parseDocuments(file: string, text: string): InputDocument[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const out: InputDocument[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const line = lineCounter.linePos(doc.range?.[0] ?? 0).line;
    const error = doc.errors[0];
    if (error) {
      const at = error.linePos?.[0]?.line ?? line;
      throw new UsageError(`${file}:${at}: malformed YAML: ${firstLine(error.message)}`);
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      throw new UsageError(`${file}:${line}: ${firstLine((e as Error).message)}`);
    }
    if (value !== null && value !== undefined) {
      out.push({ file, line, value });
    }
  }
  return out;
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
