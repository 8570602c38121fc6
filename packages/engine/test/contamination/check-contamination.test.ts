import { describe, expect, it } from "vitest";
import { checkContamination, resolveTrainingGate, NgramIndex, normalizeTokens, type TContaminationItem, type TContaminationSample } from "../../src/index.ts";

const ITEMS: TContaminationItem[] = [
  {
    key: "item-1",
    texts: [
      "In the light-dependent reactions of photosynthesis, which molecule is split to release oxygen, electrons and protons that feed the electron transport chain?",
      "Water",
      "Carbon dioxide",
      "Glucose",
      "Pyruvate",
    ],
    relationIds: ["r-photolysis", "r-etc"],
  },
  {
    key: "item-2",
    texts: [
      "A price ceiling set below the equilibrium price causes a shortage; which outcome most often follows from that shortage in the market for the good?",
      "Black markets develop where the good is resold above the legal maximum price",
      "A surplus",
      "Lower demand",
      "Higher supply",
    ],
    relationIds: ["r-ceiling-shortage", "r-shortage-black-market"],
  },
  {
    key: "item-3",
    texts: ["Which stage of cellular respiration produces pyruvate?", "Glycolysis", "The Krebs cycle", "Fermentation", "Oxidative phosphorylation"],
    relationIds: ["r-glycolysis-pyruvate"],
  },
];

const CLEAN: TContaminationSample[] = [
  { key: "s-clean-1", texts: ["What does glycolysis produce?", "Glycolysis produces pyruvate, which then enters the mitochondria."], relationIds: ["r-glycolysis-pyruvate"] },
  { key: "s-clean-2", texts: ["Define a price floor.", "A price floor is a legal minimum on the price at which a good can be sold."], relationIds: ["r-floor"] },
  {
    key: "s-clean-3",
    texts: ["True or false: Water is split during the light-dependent reactions.", "True. Photolysis of water releases oxygen as a by-product of the reactions in the thylakoid."],
    relationIds: ["r-photolysis"],
  },
];

describe("checkContamination", () => {
  it("passes clean data", () => {
    const report = checkContamination(CLEAN, ITEMS);
    expect(report.hits).toEqual([]);
    expect(report.nodeReport).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.counts).toMatchObject({ samples: 3, items: 3 });
  });

  it("catches a planted exact question, a near-duplicate and a 13-gram overlap, and lists each hit", () => {
    const planted: TContaminationSample[] = [
      // The item's question with different case and punctuation.
      { key: "s-exact", texts: ["which STAGE of cellular respiration produces pyruvate", "Glycolysis."], relationIds: ["r-glycolysis-pyruvate"] },
      // Two words changed (the longest shared run is 9 tokens: no n-gram hit, only the near-duplicate).
      {
        key: "s-near",
        texts: [
          "In the light-dependent reactions of photosynthesis, which compound is split to release oxygen, electrons and protons that supply the electron transport chain?",
          "Water is split.",
        ],
        relationIds: ["r-photolysis"],
      },
      // A 13-token run of item-2's question copied into an answer.
      {
        key: "s-ngram",
        texts: [
          "What happens when governments cap prices?",
          "Economists note that a price ceiling set below the equilibrium price causes a shortage; which outcome is rationing by queue.",
        ],
        relationIds: ["r-ceiling-shortage", "r-unrelated"],
      },
      ...CLEAN,
    ];
    const report = checkContamination(planted, ITEMS);
    expect(report.passed).toBe(false);
    const summary = report.hits.map((h) => `${h.sampleKey} ${h.itemKey} ${h.kind}`).sort();
    expect(summary).toEqual(["s-exact item-3 exact_question", "s-near item-1 near_duplicate", "s-ngram item-2 ngram_overlap"]);
    const near = report.hits.find((h) => h.kind === "near_duplicate")!;
    expect(near.overlap).toBeGreaterThanOrEqual(0.8);
    expect(near.overlap).toBeLessThan(1);
    const ngram = report.hits.find((h) => h.sampleKey === "s-ngram")!;
    expect(ngram.overlap).toBe(13); // "a price ceiling set … a shortage which outcome"
    expect(ngram.detail).toContain("price ceiling set below the equilibrium price causes a shortage");
    expect(report.counts.byKind).toEqual({ exact_question: 1, near_duplicate: 1, ngram_overlap: 1 });
  });

  it("reports the benchmark relations taught with the item's wording", () => {
    const planted: TContaminationSample[] = [
      { key: "s-a", texts: ["Which stage of cellular respiration produces pyruvate?"], relationIds: ["r-glycolysis-pyruvate"] },
      { key: "s-b", texts: ["which stage of cellular respiration produces pyruvate"], relationIds: ["r-glycolysis-pyruvate", "r-other"] },
      { key: "s-c", texts: ["Which stage of cellular respiration produces pyruvate?"], relationIds: [] },
      ...CLEAN,
    ];
    const report = checkContamination(planted, ITEMS);
    expect(report.hits).toHaveLength(3);
    // s-c copies the question but teaches no benchmark relation; the clean sample on the same relation is not listed.
    expect(report.nodeReport).toEqual([{ relationId: "r-glycolysis-pyruvate", itemKeys: ["item-3"], sampleKeys: ["s-a", "s-b"] }]);
  });

  it("honours the n-gram size", () => {
    const sample: TContaminationSample = { key: "s", texts: ["Recall: the light-dependent reactions of photosynthesis, which molecule is split."], relationIds: [] };
    expect(checkContamination([sample], ITEMS).passed).toBe(true); // a 10-token run
    const report = checkContamination([sample], ITEMS, { ngram: 8 });
    expect(report.hits.map((h) => [h.kind, h.overlap])).toEqual([["ngram_overlap", 10]]);
  });

  it("blocks training unless overridden with a reason", () => {
    const dirty = checkContamination([{ key: "s", texts: [ITEMS[2]!.texts[0]!], relationIds: [] }], ITEMS);
    expect(resolveTrainingGate(checkContamination(CLEAN, ITEMS))).toMatchObject({ allowed: true, status: "clean" });
    expect(resolveTrainingGate(dirty)).toMatchObject({ allowed: false, status: "blocked", hitCount: 1 });
    expect(() => resolveTrainingGate(dirty, { reason: "", by: "u1" })).toThrow();
    const gate = resolveTrainingGate(dirty, { reason: "Ablation run: measuring the effect of leakage", by: "u1" });
    expect(gate).toMatchObject({ allowed: true, status: "overridden", override: { reason: "Ablation run: measuring the effect of leakage", by: "u1" } });
  });
});

describe("NgramIndex", () => {
  it("finds maximal shared runs and verifies hash hits token by token", () => {
    const index = new NgramIndex(4);
    index.add([normalizeTokens("one two three four five six seven"), normalizeTokens("alpha beta gamma delta")]);
    index.add([normalizeTokens("x y z w")]);
    const runs = index.findRuns(normalizeTokens("zero two three four five six eight alpha beta gamma delta epsilon"));
    expect(runs).toEqual([
      { doc: 0, text: 0, docStart: 1, queryStart: 1, length: 5 },
      { doc: 0, text: 1, docStart: 0, queryStart: 7, length: 4 },
    ]);
    expect(index.findRuns(normalizeTokens("two three four"))).toEqual([]);
  });
});
