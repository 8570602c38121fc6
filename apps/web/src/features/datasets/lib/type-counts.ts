// The Builder's question-type split, as the create form previews it. The engine fixes the counts by
// code (packages/engine/src/builder/recipe.ts allocateTypeCounts); the engine is not part of the
// browser bundle, so the same largest-remainder rule is written again here and
// test/datasets-ui-lib.test.ts checks both agree on many budgets and ratios. Pure.

export const SAMPLE_TYPES = ["definition_qa", "relation_qa", "single_choice", "multiple_choice", "true_false"] as const;
export type TSampleType = (typeof SAMPLE_TYPES)[number];
export type TRatios = Record<TSampleType, number>;

export const DEFAULT_RATIOS: TRatios = { definition_qa: 0.2, relation_qa: 0.3, single_choice: 0.2, multiple_choice: 0.1, true_false: 0.2 };

/** The engine's tolerance on the ratios' sum. */
const SUM_TOLERANCE = 1e-6;

export function ratioSum(ratios: TRatios): number {
  return SAMPLE_TYPES.reduce((sum, type) => sum + ratios[type], 0);
}

/** Every ratio a number in 0..1, and together 1 (what the API accepts). */
export function ratiosValid(ratios: TRatios): boolean {
  return SAMPLE_TYPES.every((type) => Number.isFinite(ratios[type]) && ratios[type] >= 0 && ratios[type] <= 1) && Math.abs(ratioSum(ratios) - 1) < SUM_TOLERANCE;
}

/**
 * round(budget × ratio) per type by largest remainder, so the counts sum to the budget exactly: each
 * type gets its floor, then the leftover samples go to the largest fractional parts (ties in
 * SAMPLE_TYPES order), skipping types whose ratio is 0.
 */
export function allocateTypeCounts(budget: number, ratios: TRatios): TRatios {
  const exact = SAMPLE_TYPES.map((type) => budget * ratios[type]);
  const counts = exact.map(Math.floor);
  let left = budget - counts.reduce((a, b) => a + b, 0);
  const order = SAMPLE_TYPES.map((_, i) => i).sort((a, b) => exact[b]! - counts[b]! - (exact[a]! - counts[a]!) || a - b);
  for (const i of order) {
    if (left <= 0) break;
    if (ratios[SAMPLE_TYPES[i]!] === 0) continue;
    counts[i]!++;
    left--;
  }
  return Object.fromEntries(SAMPLE_TYPES.map((type, i) => [type, counts[i]!])) as TRatios;
}

/** Percent inputs (what the form edits) → ratios, rounded off float noise (20 % → 0.2, not 0.2000000001). */
export function ratiosFromPercents(percents: TRatios): TRatios {
  return Object.fromEntries(SAMPLE_TYPES.map((type) => [type, Math.round(percents[type] * 1e4) / 1e6])) as TRatios;
}

export function percentsFromRatios(ratios: TRatios): TRatios {
  return Object.fromEntries(SAMPLE_TYPES.map((type) => [type, Math.round(ratios[type] * 1e6) / 1e4])) as TRatios;
}
