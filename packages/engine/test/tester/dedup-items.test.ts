import { describe, expect, it } from "vitest";
import { dedupItems, fingerprintItem, ItemDeduplicator } from "../../src/index.ts";

const item = (key: string, question: string, texts: string[], correct = 0) => ({
  key,
  question,
  options: texts.map((text, i) => ({ text, correct: i === correct })),
});

const base = item("a", "In cellular respiration, which of the following statements is true?", [
  "Glycolysis produces pyruvate in the cytoplasm of the cell.",
  "Pyruvate produces glycolysis in the cytoplasm of the cell.",
  "Glycolysis does not produce pyruvate in the cytoplasm of the cell.",
  "Glycolysis consumes pyruvate in the cytoplasm of the cell.",
]);

describe("dedupItems", () => {
  it("removes exact duplicates whatever the option order, case or punctuation", () => {
    const shuffled = { ...base, key: "b", question: base.question.toUpperCase(), options: [...base.options].reverse().map((o) => ({ ...o, text: `${o.text}!` })) };
    expect(fingerprintItem(shuffled)).toBe(fingerprintItem(base));
    const { kept, removed } = dedupItems([base, shuffled]);
    expect(kept.map((i) => i.key)).toEqual(["a"]);
    expect(removed).toEqual([{ key: "b", duplicateOf: "a", kind: "exact", similarity: 1 }]);
  });

  it("still removes the same question and options with another answer key (as a near duplicate)", () => {
    const other = { ...base, key: "c", options: base.options.map((o, i) => ({ ...o, correct: i === 1 })) };
    expect(fingerprintItem(other)).not.toBe(fingerprintItem(base));
    expect(dedupItems([base, other]).removed).toMatchObject([{ key: "c", duplicateOf: "a", kind: "near" }]);
  });

  it("removes near duplicates (one word changed) and keeps different items", () => {
    const near = item("d", base.question, [...base.options.slice(0, 3).map((o) => o.text), "Glycolysis consumes pyruvate in the cytosol of the cell."]);
    const different = item("e", "In price controls, which of the following statements is true?", [
      "A price ceiling causes a shortage of the good.",
      "A shortage causes a price ceiling of the good.",
      "A price ceiling prevents a shortage of the good.",
      "A price floor causes a shortage of the good.",
    ]);
    const { kept, removed } = dedupItems([base, near, different], 0.8);
    expect(kept.map((i) => i.key)).toEqual(["a", "e"]);
    expect(removed[0]).toMatchObject({ key: "d", duplicateOf: "a", kind: "near" });
    expect(removed[0]!.similarity).toBeGreaterThanOrEqual(0.8);
  });

  it("checks incrementally, the first item winning", () => {
    const dedup = new ItemDeduplicator(0.85);
    expect(dedup.check("x", base)).toBeNull();
    expect(dedup.check("y", base)).toMatchObject({ duplicateOf: "x", kind: "exact" });
  });
});
