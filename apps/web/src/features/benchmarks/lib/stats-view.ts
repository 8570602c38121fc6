// Reading a benchmark's statistics (engine TBenchmarkStats + the length-only guessers) for the stats
// panel: bars in label order, counts largest first, and the verdicts the issue asks to show (answer
// positions balanced, length parity within the bound, a length-only guesser no better than chance
// + 5 points). Pure; covered by test/benchmarks-ui-lib.test.ts.
import type { TBenchmarkStatsDto } from "@/lib/api-types";

/** How far above chance a length-only guesser may score before the benchmark leaks its answers. */
export const GUESSER_MARGIN = 0.05;

export interface TBar {
  key: string;
  count: number;
  /** count / total of the bars (0 when all are empty). */
  share: number;
}

/** One bar per option label (A, B, …), in label order, with its share of all correct answers. */
export function positionBars(positions: Record<string, number> | undefined): { bars: TBar[]; expected: number; maxDeviation: number } {
  const entries = Object.entries(positions ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  const bars = entries.map(([key, count]) => ({ key, count, share: total === 0 ? 0 : count / total }));
  const expected = bars.length === 0 ? 0 : 1 / bars.length;
  const maxDeviation = total === 0 ? 0 : Math.max(0, ...bars.map((b) => Math.abs(b.share - expected)));
  return { bars, expected, maxDeviation };
}

/** Counts largest first (ties by key), with each one's share of the total. */
export function countRows(record: Record<string, number> | undefined): TBar[] {
  const entries = Object.entries(record ?? {});
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  return entries
    .sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([key, count]) => ({ key, count, share: total === 0 ? 0 : count / total }));
}

export interface TGuesserVerdict {
  /** Single-answer items: the better of the longest/shortest guessers against chance. */
  single: { items: number; chance: number; best: number; guesser: "longest" | "shortest"; margin: number; ok: boolean };
  /** Multi items: how often the right option is the longer one (0.5 = no signal). */
  multi: { items: number; share: number; deviation: number; ok: boolean };
}

export function guesserVerdict(report: TBenchmarkStatsDto["lengthGuesser"]): TGuesserVerdict {
  const { single, multi } = report;
  const longest = single.longest.accuracy;
  const shortest = single.shortest.accuracy;
  const guesser = shortest > longest ? "shortest" : "longest";
  const best = Math.max(longest, shortest);
  const margin = best - single.chance;
  const deviation = Math.abs(multi.correctLongerShare - 0.5);
  return {
    single: { items: single.items, chance: single.chance, best, guesser, margin, ok: single.items === 0 || margin <= GUESSER_MARGIN + 1e-9 },
    multi: { items: multi.items, share: multi.correctLongerShare, deviation, ok: multi.pairs === 0 || deviation <= GUESSER_MARGIN + 1e-9 },
  };
}

/** Option-length parity: the worst item within the bound (longest / shortest option). */
export function parityOk(parity: TBenchmarkStatsDto["lengthParity"]): boolean {
  return parity.maxRatio <= parity.bound + 1e-9;
}

/** Chains the generator skipped, summed per reason. */
export function skippedByReason(skipped: readonly { reason: string; count: number }[] | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of skipped ?? []) out[s.reason] = (out[s.reason] ?? 0) + s.count;
  return out;
}
