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
 * The 1-based start line of each document (its `---` marker, else its first
 * node), checking on
 * the way that its aliases stand for at most `MAX_ALIASED_NODES` nodes (an
 * alias counts the nodes of its anchor, aliases in it included).
 */
function documentLines(text: string, events: Event[], file: string): number[] {
  const lines: number[] = [];
  const anchors = new Map<string, number>();
  // Open collections: their node count so far and anchor name.
  const open: { nodes: number; anchor?: string }[] = [];
  let line = 1;
  let offset = 0;
  let aliased = 0;
  let documentStarted = false;
  let explicitStart = false;
  const node = (start: number, anchorStart: number, anchorEnd: number) => {
    if (!documentStarted) {
      documentStarted = true;
      const at = [start, anchorStart].filter((p) => p >= 0);
      let position = at.length > 0 ? Math.min(...at) : offset;
      if (explicitStart) {
        // The document starts at its `---` marker, the last line starting with `---` before its first node.
        const marker = text.lastIndexOf('\n---', position);
        position = marker >= offset ? marker + 1 : text.startsWith('---') && offset === 0 ? 0 : position;
      }
      for (; offset < position; offset++) {
        if (text.charCodeAt(offset) === 10) {
          line++;
        }
      }
      lines[lines.length - 1] = line;
    }
    return anchorStart >= 0 ? text.slice(anchorStart, anchorEnd) : undefined;
  };
  const add = (nodes: number) => {
    if (open.length > 0) {
      open[open.length - 1].nodes += nodes;
    }
  };
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        lines.push(line);
        documentStarted = false;
        explicitStart = event.explicitStart;
        anchors.clear();
        aliased = 0;
        open.push({ nodes: 0 });
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        open.push({ nodes: 1, anchor: node(event.start, event.anchorStart, event.anchorEnd) });
        break;
      case EVENT_ID.SCALAR: {
        const anchor = node(event.valueStart, event.anchorStart, event.anchorEnd);
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
          throw new UsageError(`${file}:${lines[lines.length - 1]}: Excessive alias count: the aliases stand for more than ${MAX_ALIASED_NODES} nodes`);
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
  return lines;
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
