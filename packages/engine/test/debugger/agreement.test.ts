import { describe, expect, it } from "vitest";
import { cohensKappa, spearmanRho } from "../../src/debugger/agreement.ts";

describe("cohensKappa", () => {
  it("is 1 for perfect agreement and 0 for chance-level agreement", () => {
    expect(cohensKappa([["gap", "gap"], ["deficit", "deficit"], ["gap", "gap"]]).kappa).toBe(1);
    // Judge always says gap, reviewers half and half: agreement 0.5, expected 0.5 → κ 0.
    expect(cohensKappa([["gap", "gap"], ["gap", "deficit"], ["gap", "gap"], ["gap", "deficit"]]).kappa).toBe(0);
  });
  it("matches a worked example", () => {
    // 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: po = 0.7, pe = 0.5·0.6 + 0.5·0.4 = 0.5 → κ = 0.4.
    const pairs = [
      ...Array(20).fill(["y", "y"]), ...Array(5).fill(["y", "n"]), ...Array(10).fill(["n", "y"]), ...Array(15).fill(["n", "n"]),
    ] as [string, string][];
    expect(cohensKappa(pairs).kappa).toBeCloseTo(0.4, 10);
    expect(cohensKappa([]).kappa).toBeNull();
  });
});

describe("spearmanRho", () => {
  it("is 1 for the same order, −1 for the reverse, and averages ties", () => {
    expect(spearmanRho([0.9, 0.5, 0.3], [80, 60, 10])).toBeCloseTo(1);
    expect(spearmanRho([0.9, 0.5, 0.3], [10, 60, 80])).toBeCloseTo(-1);
    expect(spearmanRho([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(0.8208, 3);
    expect(spearmanRho([1, 2], [1, 2])).toBeNull();
  });
});
