/**
 * The history of Flink configuration keys across the supported lines, from
 * flink-core's own option metadata: the keys a line reads only as a
 * deprecated fallback of another option (or as the key of a deprecated
 * option), and the keys an earlier line read that a line no longer reads.
 */

/** One option as the oracle's `options` answer describes it. */
export interface OptionInfo {
  readonly class: string;
  readonly field: string;
  readonly key: string;
  readonly deprecated: boolean;
  readonly fallbackKeys: ReadonlyArray<{ readonly key: string; readonly deprecated: boolean }>;
}

/** A key's status from a line on: `deprecated` (still read) or `retired` (no longer read), with the key to use instead. */
export type KeyStatus = readonly [line: string, status: 'current' | 'deprecated' | 'retired', replacement: string];

/**
 * For every key that is not current in some line, its status changes in
 * line order (the first entry is the first line; `current` entries mark a
 * return to normal and are kept only after another status).
 */
export function keyHistory(lines: ReadonlyArray<{ line: string; options: readonly OptionInfo[] }>): Record<string, KeyStatus[]> {
  const perLine = lines.map(({ line, options }) => ({ line, statuses: lineStatuses(options) }));
  const everRead = new Set(perLine.flatMap((l) => [...l.statuses.keys()]));
  const history: Record<string, KeyStatus[]> = {};
  for (const key of [...everRead].sort()) {
    const entries: KeyStatus[] = [];
    let lastReplacement = '';
    let seen = false;
    for (const { line, statuses } of perLine) {
      const status = statuses.get(key);
      let next: KeyStatus;
      if (status) {
        seen = true;
        lastReplacement = status.replacement || lastReplacement;
        next = [line, status.status, status.replacement];
      } else if (seen) {
        // Read by an earlier line, not by this one: the replacement must still be read here.
        const replacement = lastReplacement && statuses.get(lastReplacement)?.status === 'current' ? lastReplacement : '';
        next = [line, 'retired', replacement];
      } else {
        continue;
      }
      const previous = entries[entries.length - 1];
      if (previous ? previous[1] !== next[1] || previous[2] !== next[2] : next[1] !== 'current') {
        entries.push(next);
      }
    }
    if (entries.length > 0) {
      history[key] = entries;
    }
  }
  return history;
}

/** How one line reads each key: current, or deprecated with the key to use instead. */
function lineStatuses(options: readonly OptionInfo[]): Map<string, { status: 'current' | 'deprecated'; replacement: string }> {
  const statuses = new Map<string, { status: 'current' | 'deprecated'; replacement: string }>();
  const current = (key: string): void => {
    statuses.set(key, { status: 'current', replacement: '' });
  };
  for (const option of options) {
    if (!option.deprecated) {
      current(option.key);
      option.fallbackKeys.filter((f) => !f.deprecated).forEach((f) => current(f.key));
    }
  }
  for (const option of options) {
    const deprecatedKeys = option.deprecated ? [option.key, ...option.fallbackKeys.map((f) => f.key)] : option.fallbackKeys.filter((f) => f.deprecated).map((f) => f.key);
    for (const key of deprecatedKeys) {
      if (statuses.get(key)?.status === 'current') {
        continue;
      }
      const replacement = !option.deprecated && key !== option.key ? option.key : '';
      const known = statuses.get(key);
      if (!known || (!known.replacement && replacement)) {
        statuses.set(key, { status: 'deprecated', replacement });
      }
    }
  }
  return statuses;
}
