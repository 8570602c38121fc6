import { describe, expect, it } from "vitest";
import { computeBenchmarkStats, scoreLengthGuesser, type TBenchmarkItem } from "../../src/index.ts";

function makeItem(texts: string[], correct: number[], mode: "single" | "multi" = "single"): TBenchmarkItem {
  const labels = ["A", "B", "C", "D", "E", "F"] as const;
  const options = texts.map((text, i) => ({
    label: labels[i]!,
    text,
    correct: correct.includes(i),
    distractor: correct.includes(i) ? null : { operator: "swap_subject_object" as const, sourceRelationId: "r1", changed: "swapped", checkedFalse: true as const, statement: null },
  }));
  return {
    key: `k${texts.join("")}${correct.join("")}`,
    kind: "statement",
    mode,
    question: "Which?",
    options,
    answer: correct.map((i) => labels[i]).join(","),
    chainId: "c1",
    relationIds: ["r1"],
    conceptIds: [],
    chunkIds: ["ch1"],
    discipline: "biology",
    difficulty: { chainLength: 3, operators: options.flatMap((o) => (o.distractor ? [o.distractor.operator] : [])), level: 2 },
  };
}

describe("scoreLengthGuesser", () => {
  it("scores the longest- and shortest-option guessers against chance", () => {
    const biased = [makeItem(["long answer", "no", "nah", "nop"], [0]), makeItem(["x", "yy", "the answer", "zz"], [2])];
    const report = scoreLengthGuesser(biased);
    expect(report.single).toMatchObject({ items: 2, chance: 0.25, longest: { correct: 2, accuracy: 1 }, shortest: { correct: 0 } });
  });

  it("breaks ties by the first label and measures pair balance for multi items", () => {
    const report = scoreLengthGuesser([makeItem(["aa", "bb", "cc"], [1]), makeItem(["aaaa", "bb", "c", "dddd"], [0, 1], "multi")]);
    expect(report.single.longest.correct).toBe(0);
    expect(report.multi.pairs).toBe(4);
    expect(report.multi.correctLongerShare).toBeCloseTo((1 + 0.5 + 1 + 0) / 4);
  });
});

describe("computeBenchmarkStats", () => {
  it("counts positions, parity and breakdowns", () => {
    const stats = computeBenchmarkStats([makeItem(["aaaa", "bbb", "ccc"], [0]), makeItem(["aaa", "bbb", "cc"], [1]), makeItem(["aa", "bb", "cc", "dd"], [0, 3], "multi")]);
    expect(stats.answerPositions.single).toEqual({ A: 1, B: 1, C: 0 });
    expect(stats.answerPositions.multi).toEqual({ A: 1, B: 0, C: 0, D: 1 });
    expect(stats.correctCounts).toEqual({ 1: 2, 2: 1 });
    expect(stats.lengthParity.maxRatio).toBeCloseTo(1.5);
    expect(stats.lengthParity.withinBound).toBeCloseTo(1 / 3);
    expect(stats.byOperator).toEqual({ swap_subject_object: 6 });
    expect(stats.byMode).toEqual({ single: 2, multi: 1 });
    expect(stats.byDifficulty).toEqual({ 2: 3 });
  });
});
