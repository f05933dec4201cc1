/** The field-by-field comparison of the library's objects with the chart's. */

/** One field on which the library and the chart disagree. */
export interface ChartDifference {
  /** The chart set (a folder of charts/). */
  readonly set: string;
  readonly kind: string;
  readonly name: string;
  /** The field, e.g. `spec.template.spec.containers[0].image`; empty for a whole object. */
  readonly path: string;
  /** The library's value (undefined when it has none). */
  readonly library: unknown;
  /** The chart's value (undefined when it has none). */
  readonly chart: unknown;
  /** Both whole objects, for differences explained by another field. */
  readonly libraryObject?: any;
  readonly chartObject?: any;
}

/** `Kind/name`: objects are matched by kind and name. */
export function objectKey(object: any): string {
  return `${object?.kind}/${object?.metadata?.name}`;
}

/**
 * Every differing field of two objects: maps key by key, lists element by
 * element when they have the same length (else the whole list), anything
 * else by value.
 */
export function fieldDifferences(set: string, library: any, chart: any): ChartDifference[] {
  const kind = (library ?? chart).kind;
  const name = (library ?? chart).metadata?.name;
  const out: ChartDifference[] = [];
  const walk = (path: string, a: unknown, b: unknown) => {
    if (isMap(a) && isMap(b)) {
      for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
        walk(path === '' ? key : `${path}.${key}`, a[key], b[key]);
      }
    } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((item, i) => walk(`${path}[${i}]`, item, b[i]));
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      out.push({ set, kind, name, path, library: a, chart: b, libraryObject: library, chartObject: chart });
    }
  };
  walk('', library, chart);
  return out;
}

/** The differences of two object lists: missing objects whole, the others field by field. */
export function objectDifferences(set: string, library: any[], chart: any[]): ChartDifference[] {
  const keys = [...new Set([...library.map(objectKey), ...chart.map(objectKey)])];
  return keys.flatMap((key) => fieldDifferences(set, library.find((o) => objectKey(o) === key), chart.find((o) => objectKey(o) === key)));
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
