/**
 * What the API server did to the fields it was sent: a sent field missing from
 * the returned object was pruned (or dropped); a sent scalar that came back
 * different was normalized (quantities, for example). Fields the server added
 * (defaults, status, managedFields) are neither.
 */

/** Sent-but-missing and sent-but-changed field paths. */
export interface FieldDiff {
  readonly pruned: string[];
  readonly changed: string[];
  /** Sent zero values ('', 0, false) the server left out (omitempty fields): the same value, not pruned. */
  readonly omittedZero: string[];
}

/** Compares what was sent with what the server returned, recursively. */
export function diffSentFields(sent: unknown, returned: unknown): FieldDiff {
  const diff = { pruned: [] as string[], changed: [] as string[], omittedZero: [] as string[] };
  walk(sent, returned, '', diff);
  return diff;
}

function walk(sent: unknown, returned: unknown, at: string, diff: FieldDiff): void {
  if (sent === null || sent === undefined) {
    return; // null in an apply patch removes a field: nothing is expected back
  }
  if (Array.isArray(sent)) {
    if (!Array.isArray(returned)) {
      diff.pruned.push(at || '.');
      return;
    }
    sent.forEach((item, i) => {
      if (i >= returned.length) {
        diff.pruned.push(`${at}[${i}]`);
      } else {
        walk(item, returned[i], `${at}[${i}]`, diff);
      }
    });
    return;
  }
  if (typeof sent === 'object') {
    if (returned === null || typeof returned !== 'object' || Array.isArray(returned)) {
      diff.pruned.push(at || '.');
      return;
    }
    for (const [key, value] of Object.entries(sent as Record<string, unknown>)) {
      const child = at + (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
      if (!Object.prototype.hasOwnProperty.call(returned, key)) {
        if (value === '' || value === 0 || value === false) {
          diff.omittedZero.push(child);
        } else if (value !== null) {
          diff.pruned.push(child);
        }
      } else {
        walk(value, (returned as Record<string, unknown>)[key], child, diff);
      }
    }
    return;
  }
  if (sent !== returned) {
    diff.changed.push(`${at}: ${JSON.stringify(sent)} -> ${JSON.stringify(returned)}`);
  }
}
