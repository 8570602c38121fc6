// Two evaluations of one benchmark, item by item: fixed (wrong → right), regressed (right → wrong),
// unchanged, or answered by only one. Pure; covered by test/evaluation-ui-lib.test.ts.
import type { TEvaluationCompareDto } from "@/lib/api-types";

export type TCompareOutcome = "fixed" | "regressed" | "passing" | "failing" | "partial";
export const COMPARE_FILTERS = ["changed", "fixed", "regressed", "all"] as const;
export type TCompareFilter = (typeof COMPARE_FILTERS)[number];

export type TCompareRow = TEvaluationCompareDto["items"][number] & { outcome: TCompareOutcome };

/** First evaluation → last one (the route orders them as asked). */
export function compareOutcome(correct: readonly (boolean | null)[]): TCompareOutcome {
  const before = correct[0] ?? null;
  const after = correct[correct.length - 1] ?? null;
  if (before === null || after === null) return "partial";
  if (before === after) return before ? "passing" : "failing";
  return after ? "fixed" : "regressed";
}

export function compareRows(items: TEvaluationCompareDto["items"], filter: TCompareFilter): TCompareRow[] {
  const rows = items.map((item) => ({ ...item, outcome: compareOutcome(item.correct) }));
  if (filter === "all") return rows;
  if (filter === "changed") return rows.filter((r) => r.outcome === "fixed" || r.outcome === "regressed");
  return rows.filter((r) => r.outcome === filter);
}

export function outcomeCounts(items: TEvaluationCompareDto["items"]): Record<TCompareOutcome, number> {
  const counts: Record<TCompareOutcome, number> = { fixed: 0, regressed: 0, passing: 0, failing: 0, partial: 0 };
  for (const item of items) counts[compareOutcome(item.correct)]++;
  return counts;
}

/** The accuracy of each evaluation over the items both answered (the fair comparison). */
export function sharedAccuracy(items: TEvaluationCompareDto["items"]): { items: number; before: number; after: number } {
  let shared = 0;
  let before = 0;
  let after = 0;
  for (const item of items) {
    const first = item.correct[0];
    const last = item.correct[item.correct.length - 1];
    if (first === null || first === undefined || last === null || last === undefined) continue;
    shared++;
    if (first) before++;
    if (last) after++;
  }
  return { items: shared, before: shared ? before / shared : 0, after: shared ? after / shared : 0 };
}
