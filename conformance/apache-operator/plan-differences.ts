/**
 * Deliberate differences between `cdk8s-flink plan`'s diff classification
 * and the operator's `ReflectiveDiffBuilder`, each with its reason. The
 * differential run counts a disagreement as documented only when one of
 * these matches the case; anything else fails the run.
 */
import { SpecChangeCase } from './spec-change-arbitraries';

/** A deliberate difference: when it applies and why. */
export interface PlanDifference {
  readonly id: string;
  readonly reason: string;
  readonly applies: (c: SpecChangeCase, oracle: OracleAnswer) => boolean;
}

/** What the oracle answered. */
export interface OracleAnswer {
  readonly type?: string;
  readonly diffs?: { field: string; type: string }[];
  readonly blueGreen?: string;
  readonly error?: string;
}

/** The list (short on purpose). */
export const PLAN_DIFFERENCES: readonly PlanDifference[] = [
  {
    id: 'malformed-quantity',
    reason: 'fabric8 Quantity.equals throws on a malformed quantity, so the operator fails to reconcile at all; '
      + 'plan compares such a quantity by its text and reports the change (the validator reports the malformed value).',
    applies: (_c, oracle) => (oracle.error ?? '').startsWith('NumberFormatException') || (oracle.error ?? '').startsWith('IllegalArgumentException'),
  },
];
