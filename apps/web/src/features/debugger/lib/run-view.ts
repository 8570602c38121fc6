// A diagnosis run's figures as the Failures tab shows them: review progress, the operators and
// nodes behind the failures as bars, and the run shown by default. Pure; covered by
// test/debugger-ui-lib.test.ts.
import type { TBar } from "@/features/benchmarks/lib/stats-view";
import type { TDiagnosisAggregatesDto, TDiagnosisRunDto } from "@/lib/api-types";

export function reviewProgress(review: TDiagnosisRunDto["review"]): { reviewed: number; total: number; share: number } {
  const reviewed = review.accepted + review.relabelled + review.rejected;
  const total = reviewed + review.pending;
  return { reviewed, total, share: total === 0 ? 0 : reviewed / total };
}

/** Counts largest first with their share of the total (the CountBars shape). */
export function toBars(rows: readonly { key: string; count: number }[]): TBar[] {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return [...rows]
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => ({ key: r.key, count: r.count, share: total === 0 ? 0 : r.count / total }));
}

export const operatorBars = (aggregates: TDiagnosisAggregatesDto): TBar[] => toBars(aggregates.byOperator.map((o) => ({ key: o.operator, count: o.count })));

/** Per discipline: both classes, widest total first; `max` scales every row alike. */
export function disciplineRows(aggregates: TDiagnosisAggregatesDto): { rows: { discipline: string; gap: number; deficit: number; total: number }[]; max: number } {
  const rows = aggregates.byDiscipline
    .map((d) => ({ discipline: d.discipline, gap: d.concept_gap, deficit: d.reasoning_deficit, total: d.concept_gap + d.reasoning_deficit }))
    .sort((a, b) => b.total - a.total || a.discipline.localeCompare(b.discipline));
  return { rows, max: Math.max(1, ...rows.map((r) => r.total)) };
}

/** The URL's run if it is listed, else the newest ready one, else the newest. */
export function chooseDiagnosisRun<T extends { id: string; status: string }>(runs: readonly T[], wanted: string | null): T | null {
  return (wanted ? runs.find((r) => r.id === wanted) : undefined) ?? runs.find((r) => r.status === "ready") ?? runs[0] ?? null;
}

/** The nodes most often behind failures, keyed "type:id" (labels come from byNode). */
export const nodeBars = (aggregates: TDiagnosisAggregatesDto): TBar[] =>
  toBars(aggregates.byNode.map((n) => ({ key: `${n.nodeType}:${n.nodeId}`, count: n.failures })));
