// Figures of a benchmark (reference §4.4 "benchmark statistics") and the blind tests the original's
// prompt only asked the LLM to imagine: can the answer be found from option length or position alone?
import { measureLengthRatio } from "./balance.ts";
import type { TBenchmarkItem } from "./item-types.ts";

type TStatsItem = Pick<TBenchmarkItem, "mode" | "kind" | "options" | "discipline" | "difficulty">;

export interface TGuesserScore {
  correct: number;
  total: number;
  accuracy: number;
}

export interface TLengthGuesserReport {
  single: {
    items: number;
    /** Mean of 1/options over the single-answer items. */
    chance: number;
    /** Always picks the longest option (first label on a tie). */
    longest: TGuesserScore;
    /** Always picks the shortest option (first label on a tie). */
    shortest: TGuesserScore;
  };
  multi: {
    items: number;
    /** Right/wrong option pairs compared within multi items. */
    pairs: number;
    /** Share of those pairs where the right option is longer (ties count half); 0.5 = no length signal. */
    correctLongerShare: number;
  };
}

function score(correct: number, total: number): TGuesserScore {
  return { correct, total, accuracy: total === 0 ? 0 : correct / total };
}

function pickByLength(options: TStatsItem["options"], better: (a: number, b: number) => boolean): number {
  let best = 0;
  options.forEach((o, i) => {
    if (better(o.text.length, options[best]!.text.length)) best = i;
  });
  return best;
}

export function scoreLengthGuesser(items: readonly TStatsItem[]): TLengthGuesserReport {
  let singles = 0;
  let chance = 0;
  let longest = 0;
  let shortest = 0;
  let multis = 0;
  let pairs = 0;
  let longer = 0;
  for (const item of items) {
    if (item.mode === "single") {
      singles++;
      chance += 1 / item.options.length;
      if (item.options[pickByLength(item.options, (a, b) => a > b)]!.correct) longest++;
      if (item.options[pickByLength(item.options, (a, b) => a < b)]!.correct) shortest++;
      continue;
    }
    multis++;
    for (const right of item.options.filter((o) => o.correct)) {
      for (const wrong of item.options.filter((o) => !o.correct)) {
        pairs++;
        longer += right.text.length > wrong.text.length ? 1 : right.text.length === wrong.text.length ? 0.5 : 0;
      }
    }
  }
  return {
    single: { items: singles, chance: singles === 0 ? 0 : chance / singles, longest: score(longest, singles), shortest: score(shortest, singles) },
    multi: { items: multis, pairs, correctLongerShare: pairs === 0 ? 0.5 : longer / pairs },
  };
}

export interface TBenchmarkStats {
  items: number;
  /** Correct options per label, by mode: for single items the answer-position histogram. */
  answerPositions: { single: Record<string, number>; multi: Record<string, number> };
  /** Items by number of correct options. */
  correctCounts: Record<string, number>;
  lengthParity: { maxRatio: number; meanRatio: number; bound: number; withinBound: number };
  byDiscipline: Record<string, number>;
  /** Distractors by operator. */
  byOperator: Record<string, number>;
  byMode: Record<string, number>;
  byKind: Record<string, number>;
  byDifficulty: Record<string, number>;
  /** Mean and largest chain length of the items. */
  chainLength: { mean: number; max: number };
}

function bump(record: Record<string, number>, key: string | number): void {
  record[key] = (record[key] ?? 0) + 1;
}

export function computeBenchmarkStats(items: readonly TStatsItem[], maxLengthRatio = 1.3): TBenchmarkStats {
  const stats: TBenchmarkStats = {
    items: items.length,
    answerPositions: { single: {}, multi: {} },
    correctCounts: {},
    lengthParity: { maxRatio: 0, meanRatio: 0, bound: maxLengthRatio, withinBound: 0 },
    byDiscipline: {},
    byOperator: {},
    byMode: {},
    byKind: {},
    byDifficulty: {},
    chainLength: { mean: 0, max: 0 },
  };
  let ratioSum = 0;
  let within = 0;
  let lengthSum = 0;
  for (const item of items) {
    const positions = stats.answerPositions[item.mode];
    for (const o of item.options) {
      positions[o.label] ??= 0;
      if (o.correct) bump(positions, o.label);
      else if (o.distractor) bump(stats.byOperator, o.distractor.operator);
    }
    bump(stats.correctCounts, item.options.filter((o) => o.correct).length);
    const ratio = measureLengthRatio(item.options.map((o) => o.text));
    stats.lengthParity.maxRatio = Math.max(stats.lengthParity.maxRatio, ratio);
    ratioSum += ratio;
    if (ratio <= maxLengthRatio) within++;
    bump(stats.byDiscipline, item.discipline);
    bump(stats.byMode, item.mode);
    bump(stats.byKind, item.kind);
    bump(stats.byDifficulty, item.difficulty.level);
    lengthSum += item.difficulty.chainLength;
    stats.chainLength.max = Math.max(stats.chainLength.max, item.difficulty.chainLength);
  }
  if (items.length > 0) {
    stats.lengthParity.meanRatio = ratioSum / items.length;
    stats.lengthParity.withinBound = within / items.length;
    stats.chainLength.mean = lengthSum / items.length;
  }
  return stats;
}
