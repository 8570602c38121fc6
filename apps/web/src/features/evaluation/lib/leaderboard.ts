// An evaluation's summary as the stage draws it: the leaderboard bars of one benchmark, the
// models × disciplines heatmap, breakdown rows and the heat colour. Pure; covered by
// test/evaluation-ui-lib.test.ts.
import type { TEvaluationDto, TEvaluationSummaryDto } from "@/lib/api-types";

type TAccuracy = TEvaluationSummaryDto["total"];

export interface TLeaderboardBar {
  id: string;
  number: number;
  modelId: string;
  model: string;
  accuracy: number;
  correct: number;
  items: number;
}

/** Evaluations with a summary, best accuracy first (then the newer one); the rest are left out. */
export function leaderboardBars(evaluations: readonly TEvaluationDto[]): TLeaderboardBar[] {
  return evaluations
    .filter((e) => e.summary !== null && e.summary.total.items > 0)
    .map((e) => ({ id: e.id, number: e.number, modelId: e.model.id, model: e.model.name, accuracy: e.summary!.total.accuracy, correct: e.summary!.total.correct, items: e.summary!.total.items }))
    .sort((a, b) => b.accuracy - a.accuracy || b.number - a.number);
}

export interface THeatmap {
  disciplines: string[];
  rows: { id: string; number: number; model: string; cells: (TAccuracy | null)[] }[];
}

/** One row per evaluation with a summary (leaderboard order), one column per discipline any of them answered. */
export function disciplineHeatmap(evaluations: readonly TEvaluationDto[]): THeatmap {
  const bars = leaderboardBars(evaluations);
  const byId = new Map(evaluations.map((e) => [e.id, e]));
  const disciplines = [...new Set(bars.flatMap((b) => Object.keys(byId.get(b.id)!.summary!.byDiscipline)))].sort((a, b) => a.localeCompare(b));
  return {
    disciplines,
    rows: bars.map((b) => {
      const summary = byId.get(b.id)!.summary!;
      return { id: b.id, number: b.number, model: b.model, cells: disciplines.map((d) => summary.byDiscipline[d] ?? null) };
    }),
  };
}

export interface TBreakdownRow extends TAccuracy {
  key: string;
}

/** A breakdown record as rows: numeric keys (level, chain length) in number order, others by name. */
export function breakdownRows(record: Record<string, TAccuracy> | undefined): TBreakdownRow[] {
  const rows = Object.entries(record ?? {}).map(([key, value]) => ({ key, ...value }));
  const numeric = rows.every((r) => /^-?\d+(\.\d+)?$/.test(r.key));
  return rows.sort((a, b) => (numeric ? Number(a.key) - Number(b.key) : a.key.localeCompare(b.key)));
}

/** Operators the model fell for, most often first, with their share of all chosen distractors. */
export function fooledByRows(record: Record<string, number> | undefined): { key: string; count: number; share: number }[] {
  const rows = Object.entries(record ?? {}).filter(([, count]) => count > 0);
  const total = rows.reduce((sum, [, count]) => sum + count, 0);
  return rows.map(([key, count]) => ({ key, count, share: total ? count / total : 0 })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Red (0) → green (1), mixed with transparency so the cell's text stays readable in both themes. */
export function heatColor(accuracy: number): string {
  const percent = Math.round(Math.min(1, Math.max(0, accuracy)) * 100);
  return `color-mix(in oklab, color-mix(in oklab, var(--success) ${percent}%, var(--danger)) 45%, transparent)`;
}
