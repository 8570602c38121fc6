import { describe, expect, it } from "vitest";
import { computeGraphStats } from "../../src/index.ts";

describe("computeGraphStats", () => {
  it("counts components, orphans, degrees and chain sizes", () => {
    const stats = computeGraphStats({
      concepts: ["a", "b", "c", "d", "e", "f", "orphan"],
      relations: [
        { subject: "a", object: "b" },
        { subject: "b", object: "c" },
        { subject: "c", object: "a" },
        { subject: "a", object: "b" },
        { subject: "a", object: "d" },
        { subject: "e", object: "f" },
        { subject: "e", object: "ghost" },
      ],
      chains: [{ steps: 2 }, { steps: 3 }, { steps: 7 }],
    });
    expect(stats).toMatchObject({
      concepts: 7,
      relations: 7,
      chains: 3,
      danglingRelations: 1,
      components: 3,
      largestComponent: 4,
      outsideLargestComponent: 3,
      orphanConcepts: ["orphan"],
      relationsPerChain: 7 / 3,
      stepsPerChain: { mean: 4, median: 3, min: 2, max: 7 },
      degree: { min: 0, max: 3, median: 1 },
    });
    expect(stats.lccRatio).toBeCloseTo(4 / 7);
    expect(stats.degreeHistogram).toEqual([
      { label: "0", min: 0, max: 0, count: 1 },
      { label: "1", min: 1, max: 1, count: 3 },
      { label: "2-3", min: 2, max: 3, count: 3 },
    ]);
    expect(stats.density).toBeCloseTo(5 / 21);
  });

  it("returns zeros for an empty graph", () => {
    const stats = computeGraphStats({ concepts: [], relations: [], chains: [] });
    expect(stats).toMatchObject({ concepts: 0, components: 0, lccRatio: 0, orphanConcepts: [], density: 0, relationsPerChain: 0 });
    expect(stats.degreeHistogram).toEqual([]);
  });

  it("puts high degrees in power-of-two buckets", () => {
    const spokes = Array.from({ length: 20 }, (_, i) => `s${i}`);
    const stats = computeGraphStats({ concepts: ["hub", ...spokes], relations: spokes.map((s) => ({ subject: "hub", object: s })), chains: [] });
    expect(stats.degreeHistogram.at(-1)).toEqual({ label: "16-31", min: 16, max: 31, count: 1 });
    expect(stats.lccRatio).toBe(1);
  });
});
