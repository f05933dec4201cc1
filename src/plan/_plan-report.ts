/**
 * A plan as text (terminal) or JSON (tools): the same entries, risky first
 * in text, in manifest order in JSON.
 */
import { PlanChange, PlanEntry } from '../flink-plan';
import { Risk } from './_consequence';
import { PlannedChange } from './_plan';

const SIGN: Record<PlanChange, string> = {
  [PlanChange.CREATE]: '+',
  [PlanChange.DELETE]: '-',
  [PlanChange.UPDATE]: '~',
  [PlanChange.NONE]: '=',
};

/** Words for a risk, as the reports show them. */
export const RISK_WORDS: Record<Risk, string> = {
  [Risk.STATE_LOSS]: 'state loss',
  [Risk.RESTART]: 'restart',
  [Risk.SCALE]: 'scale',
  [Risk.NONE]: 'none',
};

/** Whether the entry is one the operator (or the standalone backend) acts on. */
export function isFlinkEntry(entry: PlanEntry): boolean {
  return entry.consequence !== '' || entry.diffType !== undefined;
}

/** The changes risky first, then Flink resources before other objects, otherwise in manifest order. */
export function riskyFirst(changes: readonly PlannedChange[]): PlannedChange[] {
  return changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (b.c.risk - a.c.risk) || (Number(isFlinkEntry(b.c.entry)) - Number(isFlinkEntry(a.c.entry))) || (a.i - b.i))
    .map(({ c }) => c);
}

/** `namespace/name`, or the name alone. */
export function objectName(entry: PlanEntry): string {
  return entry.namespace ? `${entry.namespace}/${entry.name}` : entry.name;
}

/** One summary line: counts per change. */
export function summaryLine(changes: readonly PlannedChange[]): string {
  const count = (c: PlanChange) => changes.filter((x) => x.entry.change === c).length;
  const risky = changes.filter((x) => x.risk === Risk.STATE_LOSS).length;
  return `Plan: ${count(PlanChange.CREATE)} to create, ${count(PlanChange.UPDATE)} to update, ${count(PlanChange.DELETE)} to delete, `
    + `${count(PlanChange.NONE)} unchanged; ${risky} can lose state.`;
}

/** The plan for a terminal. Unchanged objects other than Flink resources are only counted. */
export function planText(changes: readonly PlannedChange[]): string {
  const lines = [summaryLine(changes), ''];
  for (const { entry, risk } of riskyFirst(changes)) {
    const flink = isFlinkEntry(entry);
    if (entry.change === PlanChange.NONE && !flink) {
      continue;
    }
    const type = entry.diffType ? ` ${entry.diffType}${entry.fields.length > 0 ? ` (${entry.fields.join(', ')})` : ''}` : '';
    lines.push(`${SIGN[entry.change]} ${entry.kind} ${objectName(entry)}: ${entry.change}${type}${risk >= Risk.RESTART ? ` [${RISK_WORDS[risk]}]` : ''}`);
    if (entry.consequence) {
      lines.push(`    ${entry.consequence}`);
    }
    for (const warning of entry.warnings) {
      lines.push(`    warning: ${warning}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The plan as JSON: `[{kind, name, namespace, change, diffType, fields, consequence, warnings}]`. */
export function planJson(changes: readonly PlannedChange[]): string {
  return JSON.stringify(changes.map(({ entry }) => ({
    kind: entry.kind,
    name: entry.name,
    namespace: entry.namespace ?? null,
    change: entry.change,
    diffType: entry.diffType ?? null,
    fields: entry.fields,
    consequence: entry.consequence,
    warnings: entry.warnings,
  })), undefined, 2) + '\n';
}
