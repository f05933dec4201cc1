/**
 * A plan as a pull-request comment: a summary table (risky changes first),
 * the details of each Flink resource, and a Mermaid diagram of what the
 * change touches (operator, clusters, session jobs, snapshots).
 */
import { PlanChange } from '../flink-plan';
import { OperatorVersion } from '../operator-version';
import { Risk } from './_consequence';
import { PlannedChange } from './_plan';
import { isFlinkEntry, objectName, RISK_WORDS, riskyFirst, summaryLine } from './_plan-report';

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Text safe inside a Mermaid node label. */
function label(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/[<>]/g, '');
}

/** The plan as Markdown for a pull-request comment. */
export function planMarkdown(changes: readonly PlannedChange[], operatorVersion: OperatorVersion): string {
  const sorted = riskyFirst(changes);
  const shown = sorted.filter(({ entry }) => entry.change !== PlanChange.NONE || isFlinkEntry(entry));
  const lines = [
    '### cdk8s-flink plan',
    '',
    `${summaryLine(changes)} Rules of Flink Kubernetes Operator ${operatorVersion.version}.`,
    '',
    '| Risk | Resource | Change | Diff type | Consequence |',
    '| --- | --- | --- | --- | --- |',
    ...shown.map(({ entry, risk }) => `| ${risk >= Risk.RESTART ? `**${RISK_WORDS[risk]}**` : RISK_WORDS[risk]} | \`${entry.kind}\` ${cell(objectName(entry))} `
      + `| ${entry.change} | ${entry.diffType ?? ''} | ${cell(entry.consequence)} |`),
    '',
  ];
  const detailed = shown.filter(({ entry }) => entry.fields.length > 0 || entry.warnings.length > 0);
  if (detailed.length > 0) {
    lines.push('<details><summary>Fields and warnings</summary>', '');
    for (const { entry } of detailed) {
      lines.push(`- \`${entry.kind}\` ${objectName(entry)}`);
      if (entry.fields.length > 0) {
        lines.push(`  - fields: ${entry.fields.map((f) => `\`${f}\``).join(', ')}`);
      }
      for (const warning of entry.warnings) {
        lines.push(`  - warning: ${warning}`);
      }
    }
    lines.push('', '</details>', '');
  }
  const diagram = mermaid(changes.filter((c) => isFlinkEntry(c.entry)));
  if (diagram) {
    lines.push('```mermaid', diagram, '```', '');
  }
  return lines.join('\n');
}

const OPERATED = new Set(['FlinkDeployment', 'FlinkBlueGreenDeployment']);

/** A flowchart: operator → clusters → session jobs, job → its snapshots; nodes coloured by change. */
function mermaid(changes: PlannedChange[]): string | undefined {
  if (changes.length === 0) {
    return undefined;
  }
  const key = (kind: string, namespace: string | undefined, name: string) => `${kind}|${namespace ?? ''}|${name}`;
  const id = new Map<string, string>();
  changes.forEach(({ entry }, i) => id.set(key(entry.kind, entry.namespace, entry.name), `n${i}`));
  const lines = ['flowchart LR'];
  if (changes.some(({ entry }) => OPERATED.has(entry.kind) || entry.kind === 'FlinkSessionJob' || entry.kind === 'FlinkStateSnapshot')) {
    lines.push('  operator(["Flink Kubernetes Operator"])');
  }
  changes.forEach(({ entry: e }, i) => {
    const text = [e.kind, objectName(e), e.change === PlanChange.NONE ? 'unchanged' : `${e.change}${e.diffType ? ` ${e.diffType}` : ''}`].map(label).join('<br/>');
    lines.push(`  n${i}["${text}"]:::${e.change}`);
  });
  changes.forEach(({ entry, parent }, i) => {
    const from = parent ? id.get(key(parent.kind, entry.namespace, parent.name)) : undefined;
    if (from) {
      lines.push(`  ${from} --> n${i}`);
    } else if (OPERATED.has(entry.kind) || entry.kind === 'FlinkSessionJob' || entry.kind === 'FlinkStateSnapshot') {
      lines.push(`  operator --> n${i}`);
    }
  });
  return [...lines,
    '  classDef create fill:#d4f7d4,stroke:#2a7d2a',
    '  classDef delete fill:#f9d0d0,stroke:#a12a2a',
    '  classDef update fill:#fde9c4,stroke:#a86b00',
    '  classDef none fill:#eeeeee,stroke:#999999'].join('\n');
}
