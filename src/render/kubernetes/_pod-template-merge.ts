import { isObject } from '../../manifest/_fields';
import { cleanJson } from '../../manifest/_json';

/**
 * The Flink Kubernetes Operator's (1.15) merge of the common
 * `spec.podTemplate` with `spec.jobManager.podTemplate` /
 * `spec.taskManager.podTemplate` (`FlinkUtils.mergePodTemplates`).
 *
 * Both templates are first read as the operator's Kubernetes client sees
 * them: `null` members and empty arrays are absent, so neither ever clears
 * a value of the other. Then, member by member of the override:
 * - two arrays are merged element by element, by position; with
 *   `kubernetes.operator.pod-template.merge-arrays-by-name` and a `name` on
 *   every element of both, by name instead (the base's order, then the
 *   override's new names; a name repeated in one array keeps its first
 *   place and its last element);
 * - a base object is merged with the override's object, and kept as it is
 *   when the override's value is not an object;
 * - anything else (a scalar, or a member the base lacks) is replaced.
 * Elements merged by position that are not objects are never replaced: the
 * override's scalar array elements only count past the end of the base's.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/pod-template/
 */

/**
 * The operator's merge of `override` into `base` (the common pod template):
 * a new JSON value, inputs untouched; the other template (read as the
 * operator reads it) when one is absent, `undefined` when both are.
 */
export function mergePodTemplates(base: any, override: any, mergeArraysByName = false): any {
  const to = operatorView(base);
  const from = operatorView(override);
  if (from === undefined || to === undefined) {
    return from ?? to;
  }
  mergeInto(to, from, mergeArraysByName);
  return to;
}

/** A copy of a template without `null` members or empty arrays; `undefined` for an absent one. */
function operatorView(template: unknown): any {
  if (template === undefined || template === null) {
    return undefined;
  }
  const copy = cleanJson(template);
  prune(copy);
  return copy;
}

/** Drops `null` members and empty arrays throughout a fresh copy. */
function prune(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(prune);
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item === null || (Array.isArray(item) && item.length === 0)) {
        delete value[key];
      } else {
        prune(item);
      }
    }
  }
}

/** `FlinkUtils.mergeInto`: nothing happens unless both sides are objects. */
function mergeInto(to: unknown, from: unknown, byName: boolean): void {
  if (!isObject(to) || !isObject(from)) {
    return;
  }
  for (const key of Object.keys(from)) {
    const toChild = Object.prototype.hasOwnProperty.call(to, key) ? to[key] : undefined;
    const fromChild = from[key];
    if (Array.isArray(toChild) && Array.isArray(fromChild)) {
      mergeArray(toChild, fromChild, byName);
    } else if (isObject(toChild)) {
      mergeInto(toChild, fromChild, byName);
    } else {
      Object.defineProperty(to, key, { value: fromChild, enumerable: true, writable: true, configurable: true });
    }
  }
}

/**
 * `FlinkUtils.mergeArray`, in place. `to` and `from` may be one array (an
 * element appended by position is merged with itself, which merges its
 * named arrays with themselves: by name, that drops repeated names).
 */
function mergeArray(to: unknown[], from: unknown[], byName: boolean): void {
  if (byName && namesDefined(to) && namesDefined(from)) {
    const merged = groupByName(to);
    for (const [name, fromElement] of groupByName(from)) {
      const toElement = merged.get(name);
      if (toElement === undefined) {
        merged.set(name, fromElement);
      } else {
        mergeInto(toElement, fromElement, byName);
      }
    }
    to.splice(0, to.length, ...merged.values());
    return;
  }
  for (let i = 0; i < from.length; i++) {
    if (to.length <= i) {
      to.push(from[i]);
    }
    mergeInto(to[i], from[i], byName);
  }
}

/** Whether every element is an object with a `name`. */
function namesDefined(array: unknown[]): boolean {
  return array.every((element) => isObject(element) && Object.prototype.hasOwnProperty.call(element, 'name'));
}

/** The elements by their name as text, in first-seen order; a repeated name keeps its last element. */
function groupByName(array: unknown[]): Map<string, Record<string, any>> {
  const grouped = new Map<string, Record<string, any>>();
  for (const element of array as Array<Record<string, any>>) {
    grouped.set(nameText(element.name), element);
  }
  return grouped;
}

/** Jackson's `asText()` of a name: a scalar as text, an object or array as `""`. */
function nameText(name: unknown): string {
  return typeof name === 'object' ? '' : String(name);
}
