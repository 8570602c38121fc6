// The blind tests of a generated benchmark: nothing but knowledge should answer it. A guesser that
// only looks at option length, or at position, must score no better than chance (+5 points).
import { describe, expect, it } from "vitest";
import { computeBenchmarkStats, generateItems, measureLengthRatio, scoreLengthGuesser, type TBenchmarkItem } from "../../src/index.ts";
import { buildSyntheticVersion } from "./fixtures.ts";
import { expectDistractorsFalse, expectLinksConsistent } from "./helpers.ts";

const TOLERANCE = 0.05;

/** Removes the truth-neutral padding of templates.ts (listQualifiers). */
function stripPadding(text: string): string {
  return text.replace(/^(In this process|According to the text|In [^,]+), /u, "").replace(/ in this process\.$/u, ".");
}

function expectPositionsUniform(histogram: Record<string, number>, optionCount: number): void {
  const total = Object.values(histogram).reduce((a, b) => a + b, 0);
  expect(Object.keys(histogram)).toHaveLength(optionCount);
  for (const count of Object.values(histogram)) expect(Math.abs(count / total - 1 / optionCount)).toBeLessThanOrEqual(TOLERANCE);
}

describe.each([
  { mode: "single" as const, optionCount: 4, seed: 7 },
  { mode: "mixed" as const, optionCount: 4, seed: 8 },
  { mode: "single" as const, optionCount: 5, seed: 9 },
])("a generated benchmark ($mode, $optionCount options)", ({ mode, optionCount, seed }) => {
  const version = buildSyntheticVersion(seed);
  const { items } = generateItems(version.chains, version.graph, { seed, mode, optionCount });
  const singles = items.filter((i) => i.mode === "single");
  const report = scoreLengthGuesser(items);

  it("has at least 300 items, all valid against the graph", () => {
    expect(items.length).toBeGreaterThanOrEqual(300);
    expectDistractorsFalse(items, version);
    expectLinksConsistent(items, version);
  });

  it("defeats the longest- and the shortest-option guesser (≤ chance + 5 points)", () => {
    expect(report.single.items).toBe(singles.length);
    expect(report.single.longest.accuracy).toBeLessThanOrEqual(report.single.chance + TOLERANCE);
    expect(report.single.shortest.accuracy).toBeLessThanOrEqual(report.single.chance + TOLERANCE);
    if (mode === "mixed") {
      expect(report.multi.items).toBeGreaterThan(50);
      expect(Math.abs(report.multi.correctLongerShare - 0.5)).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  it("does not mark the answer by padding: picking the first padded (or plain) option scores chance", () => {
    const padded = singles.filter((i) => i.kind !== "order");
    const chance = padded.reduce((sum, i) => sum + 1 / i.options.length, 0) / padded.length;
    for (const wantPadded of [true, false]) {
      const hits = padded.filter((i) => (i.options.find((o) => (stripPadding(o.text) !== o.text) === wantPadded) ?? i.options[0]!).correct).length;
      expect(hits / padded.length).toBeLessThanOrEqual(chance + TOLERANCE);
    }
  });

  it("balances answer positions within ±5 points of uniform", () => {
    const stats = computeBenchmarkStats(items);
    expectPositionsUniform(stats.answerPositions.single, optionCount);
    if (mode === "mixed") expectPositionsUniform(stats.answerPositions.multi, optionCount);
  });

  it("keeps every item's longest/shortest option ratio within 1.3", () => {
    for (const item of items) expect(measureLengthRatio(item.options.map((o) => o.text)), item.key).toBeLessThanOrEqual(1.3);
    expect(computeBenchmarkStats(items).lengthParity.withinBound).toBe(1);
  });
});

it("without balancing, the same synthetic graph would leak the answer through length", () => {
  // Guards the tests above against passing vacuously: raw template options are biased (negated
  // distractors are longer, so the answer is rarely the longest), and the balancing removes that.
  const version = buildSyntheticVersion(7);
  const { items } = generateItems(version.chains, version.graph, { seed: 7, mode: "single", maxLengthRatio: 3 });
  const unpadded: TBenchmarkItem[] = items
    .filter((i) => i.kind === "statement")
    .map((item) => ({ ...item, options: item.options.map((o) => ({ ...o, text: stripPadding(o.text) })) }));
  const raw = scoreLengthGuesser(unpadded);
  expect(raw.single.items).toBeGreaterThan(300);
  expect(raw.single.chance - raw.single.longest.accuracy).toBeGreaterThan(2 * TOLERANCE);
});
