import * as fs from 'fs';
import * as path from 'path';
import { constructFromEvents, Event, EVENT_ID, parseEvents, YAMLException } from 'js-yaml';
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

/** Most nodes the aliases of one document may stand for, so that an alias bomb fails fast. */
const MAX_ALIASED_NODES = 10_000;

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
  return parseDocuments(buffer.toString('utf8'), file);
}

/**
 * Every document of a YAML text (YAML 1.2 core schema) with its 1-based
 * start line; empty (`null`) documents left out. Throws
 * `UsageError` `<file>:<line>: malformed YAML: <reason>` for malformed input
 * and `<file>:<line>: Excessive alias count ...` when the aliases of a
 * document stand for more than 10,000 nodes.
 *
 * @param text the YAML text
 * @param file the file name for messages
 */
export function parseDocuments(text: string, file: string): InputDocument[] {
  try {
    const events = parseEvents(text, { filename: file });
    const lines = documentLines(text, events, file);
    return constructFromEvents(events, { source: text, filename: file })
      .map((value, i) => ({ file, line: lines[i], value }))
      .filter((doc) => doc.value !== null && doc.value !== undefined);
  } catch (e) {
    if (e instanceof YAMLException) {
      const at = e.mark ? `:${e.mark.line + 1}` : '';
      throw new UsageError(`${file}${at}: malformed YAML: ${firstLine(e.reason)}`);
    }
    throw e;
  }
}

/**
 * The 1-based start line of each document: its `---` marker, else its first
 * node. Documents with aliases are checked for alias bombs.
 */
function documentLines(text: string, events: Event[], file: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let offset = 0;
  let aliases = false;
  // Read once: the loop visits every event of the file.
  const ALIAS = EVENT_ID.ALIAS;
  const DOCUMENT = EVENT_ID.DOCUMENT;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    const type = event.type;
    if (type === ALIAS) {
      aliases = true;
    } else if (type === DOCUMENT) {
      const position = documentStart(text, event.explicitStart, events[i + 1], offset);
      for (let next = text.indexOf('\n', offset); next !== -1 && next < position; next = text.indexOf('\n', next + 1)) {
        line++;
      }
      offset = Math.max(offset, position);
      lines.push(line);
    }
  }
  if (aliases) {
    checkAliases(text, events, file, lines);
  }
  return lines;
}

/** Offset of a document's start: its `---` marker (the last one before its first node), else its first node. */
function documentStart(text: string, explicitStart: boolean, root: Event | undefined, from: number): number {
  let position = from;
  if (root?.type === EVENT_ID.MAPPING || root?.type === EVENT_ID.SEQUENCE) {
    position = firstPosition(root.start, root.anchorStart, root.tagStart, from);
  } else if (root?.type === EVENT_ID.SCALAR) {
    position = firstPosition(root.valueStart, root.anchorStart, root.tagStart, from);
  }
  if (!explicitStart) {
    return position;
  }
  const marker = text.lastIndexOf('\n---', position);
  return marker + 1 >= from && marker !== -1 ? marker + 1 : from === 0 && text.startsWith('---') ? 0 : position;
}

/** The smallest of the offsets that are set (`-1`: absent), else `fallback`. */
function firstPosition(a: number, b: number, c: number, fallback: number): number {
  const set = [a, b, c].filter((p) => p >= 0);
  return set.length > 0 ? Math.min(...set) : fallback;
}

/**
 * Throws when the aliases of a document stand for more than
 * `MAX_ALIASED_NODES` nodes: an alias counts the nodes of its anchor,
 * aliases in it included.
 */
function checkAliases(text: string, events: Event[], file: string, lines: number[]): void {
  const anchors = new Map<string, number>();
  // Open collections: their node count so far and anchor name.
  const open: { nodes: number; anchor?: string }[] = [];
  const anchorName = (start: number, end: number) => (start >= 0 ? text.slice(start, end) : undefined);
  const add = (nodes: number) => {
    if (open.length > 0) {
      open[open.length - 1].nodes += nodes;
    }
  };
  let document = -1;
  let aliased = 0;
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        document++;
        anchors.clear();
        aliased = 0;
        open.push({ nodes: 0 });
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        open.push({ nodes: 1, anchor: anchorName(event.anchorStart, event.anchorEnd) });
        break;
      case EVENT_ID.SCALAR: {
        const anchor = anchorName(event.anchorStart, event.anchorEnd);
        if (anchor !== undefined) {
          anchors.set(anchor, 1);
        }
        add(1);
        break;
      }
      case EVENT_ID.ALIAS: {
        const nodes = anchors.get(text.slice(event.anchorStart, event.anchorEnd)) ?? 1;
        aliased += nodes;
        if (aliased > MAX_ALIASED_NODES) {
          throw new UsageError(`${file}:${lines[document]}: Excessive alias count: the aliases stand for more than ${MAX_ALIASED_NODES} nodes`);
        }
        add(nodes);
        break;
      }
      case EVENT_ID.POP: {
        const closed = open.pop()!;
        if (closed.anchor !== undefined) {
          anchors.set(closed.anchor, closed.nodes);
        }
        add(closed.nodes);
        break;
      }
    }
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
