import { describe, expect, it } from "vitest";
import { createRandom, fitOptionLengths, LengthBalancer, measureLengthRatio, measurePairExcess, SlotBalancer, type TLengthSlot } from "../../src/index.ts";

const pad = (text: string): string[] => [text, `In this process, ${text}`, `${text} (here)`];

describe("measureLengthRatio and measurePairExcess", () => {
  it("divides the longest by the shortest option", () => {
    expect(measureLengthRatio(["abcd", "ab"])).toBe(2);
    expect(measureLengthRatio(["abc", "abc"])).toBe(1);
  });

  it("counts right-longer pairs minus half the pairs, ties neutral", () => {
    expect(measurePairExcess([10, 5, 5], [true, false, false])).toBe(1);
    expect(measurePairExcess([5, 5], [true, false])).toBe(0);
    expect(measurePairExcess([4, 5, 3], [true, false, false])).toBe(0);
  });
});

describe("fitOptionLengths", () => {
  const slots: TLengthSlot[] = [
    { correct: true, variants: pad("Glucose increases insulin secretion.") },
    { correct: false, variants: pad("Glucose does not increase insulin secretion.") },
    { correct: false, variants: pad("Insulin secretion increases glucose.") },
    { correct: false, variants: pad("Glucose decreases insulin secretion.") },
  ];

  it("keeps the ratio bound and makes the correct option the longest when asked", () => {
    const fit = fitOptionLengths(slots, { kind: "rank", rank: 3, paddingExcess: 0 }, 1.3)!;
    expect(fit.ratio).toBeLessThanOrEqual(1.3);
    const lengths = fit.texts.map((t) => t.length);
    expect(lengths[0]).toBe(Math.max(...lengths));
    expect(lengths.filter((l) => l === lengths[0])).toHaveLength(1);
    expect(fit.cost).toBe(0);
  });

  it("makes it the shortest, or neither, when asked, with as little padding as possible", () => {
    const shortest = fitOptionLengths(slots, { kind: "rank", rank: 0, paddingExcess: 0 }, 1.3)!;
    const lengths = shortest.texts.map((t) => t.length);
    expect(lengths[0]).toBe(Math.min(...lengths));
    expect(lengths.filter((l) => l === lengths[0])).toHaveLength(1);
    const middle = fitOptionLengths(slots, { kind: "rank", rank: 1, paddingExcess: 0 }, 1.3)!;
    expect(middle.cost).toBe(0);
  });

  it("returns null when no wording meets the ratio", () => {
    const far: TLengthSlot[] = [
      { correct: true, variants: ["Short."] },
      { correct: false, variants: ["A very much longer option than the other one."] },
      { correct: false, variants: ["Short!"] },
    ];
    expect(fitOptionLengths(far, { kind: "rank", rank: 1, paddingExcess: 0 }, 1.3)).toBeNull();
  });
});

describe("balancers", () => {
  it("hands out slots evenly and deterministically", () => {
    const run = (): number[] => {
      const balancer = new SlotBalancer(createRandom(3));
      const counts = [0, 0, 0, 0];
      const picks: number[] = [];
      for (let i = 0; i < 400; i++) {
        const [slot] = balancer.choose(4, 1);
        balancer.record(4, [slot!]);
        counts[slot!]!++;
        picks.push(slot!);
      }
      expect(counts).toEqual([100, 100, 100, 100]);
      return picks;
    };
    const picks = run();
    expect(run()).toEqual(picks);
    expect(picks.slice(0, 8)).not.toEqual([0, 1, 2, 3, 0, 1, 2, 3]);
  });

  it("counts nothing until an item is recorded", () => {
    const balancer = new SlotBalancer(createRandom(1));
    const first = balancer.choose(3, 1);
    for (let i = 0; i < 5; i++) expect(balancer.choose(3, 1)).toHaveLength(1);
    balancer.record(3, first);
    expect(balancer.choose(3, 2)).not.toContain(first[0]);
  });

  it("targets ranks for single items and pair balance for multi items", () => {
    const lengths = new LengthBalancer(createRandom(1));
    expect(lengths.target("single", [true, false, false, false]).kind).toBe("rank");
    expect(lengths.target("multi", [true, false, false, false]).kind).toBe("pairs");
    const target = lengths.target("multi", [true, true, false]);
    lengths.record(target, ["long option text", "long option text", "short"], [true, true, false], [false, false, false]);
    expect(lengths.target("multi", [true, false])).toMatchObject({ kind: "pairs", excess: 1, paddingExcess: 0 });
  });
});
