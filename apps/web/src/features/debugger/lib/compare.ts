// V1 / V2 / control comparison as the Compare tab shows it: which evaluations to compare by default
// (the diagnosed one, and those of models trained on the V2 and the control built from its run),
// the outcomes filter, and the grouped-bar geometry of accuracy per discipline. Pure; covered by
// test/debugger-ui-lib.test.ts.
import type { TCompareDto, TDatasetDto, TEvaluationDto, TModelDto } from "@/lib/api-types";

export const OUTCOME_FILTERS = ["changed", "fixed", "regressed", "still_failing", "passing", "all"] as const;
export type TOutcomeFilter = (typeof OUTCOME_FILTERS)[number];
export type TOutcomeRow = TCompareDto["outcomes"][number];

export function filterOutcomes(rows: readonly TOutcomeRow[], filter: TOutcomeFilter): TOutcomeRow[] {
  if (filter === "all") return [...rows];
  if (filter === "changed") return rows.filter((r) => r.outcome === "fixed" || r.outcome === "regressed");
  return rows.filter((r) => r.outcome === filter);
}

const finished = (e: TEvaluationDto) => e.summary !== null && (e.status === "ready" || e.status === "frozen");

/** Finished evaluations of the baseline's benchmark, newest first (the API lists them so). */
export function comparableEvaluations(evaluations: readonly TEvaluationDto[], benchmarkId: string | null): TEvaluationDto[] {
  return evaluations.filter((e) => finished(e) && (!benchmarkId || e.benchmarkId === benchmarkId));
}

/**
 * Default picks: the baseline is the diagnosed evaluation; the candidate (control) is the newest
 * finished evaluation on the same benchmark of a model trained on a patched (control) version built
 * from that diagnosis run. Nulls where there is none yet.
 */
export function compareDefaults(input: {
  baselineId: string | null;
  runId: string | null;
  evaluations: readonly TEvaluationDto[];
  datasets: readonly TDatasetDto[];
  models: readonly TModelDto[];
}): { baseline: string | null; candidate: string | null; control: string | null } {
  const baseline = input.evaluations.find((e) => e.id === input.baselineId) ?? null;
  if (!baseline) return { baseline: null, candidate: null, control: null };
  const pick = (kind: "patch" | "control") => {
    const versions = new Set(input.datasets.filter((d) => d.recipe.kind === kind && input.runId !== null && d.recipe.diagnosisRunId === input.runId).map((d) => d.id));
    const models = new Set(input.models.filter((m) => m.datasetVersionId !== null && versions.has(m.datasetVersionId)).map((m) => m.id));
    return comparableEvaluations(input.evaluations, baseline.benchmarkId).find((e) => models.has(e.model.id))?.id ?? null;
  };
  return { baseline: baseline.id, candidate: pick("patch"), control: pick("control") };
}

export interface TBarRect {
  group: number;
  series: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

export const BAR_CHART = { bar: 14, barGap: 2, groupGap: 18, height: 160, padLeft: 32, padBottom: 4 } as const;

/**
 * Vertical bars, one group per row and one bar per series (values 0–1; null values get no bar), in
 * SVG user units with the value axis at `padLeft`. Returns the rects and the chart's width.
 */
export function groupedBarGeometry(groups: readonly (number | null)[][], seriesCount: number, chart = BAR_CHART): { rects: TBarRect[]; width: number; groupWidth: number } {
  const groupWidth = seriesCount * chart.bar + Math.max(0, seriesCount - 1) * chart.barGap;
  const rects: TBarRect[] = [];
  groups.forEach((values, g) => {
    const left = chart.padLeft + chart.groupGap / 2 + g * (groupWidth + chart.groupGap);
    for (let s = 0; s < seriesCount; s++) {
      const value = values[s];
      if (value === null || value === undefined) continue;
      const clamped = Math.min(1, Math.max(0, value));
      const height = clamped * chart.height;
      rects.push({ group: g, series: s, x: left + s * (chart.bar + chart.barGap), y: chart.height - height, width: chart.bar, height, value: clamped });
    }
  });
  return { rects, width: chart.padLeft + groups.length * (groupWidth + chart.groupGap), groupWidth };
}
