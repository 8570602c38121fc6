// Pure helpers of the Builder UI: the client-side type split (checked against the engine's
// allocateTypeCounts), the create form's checks and body, a version's type rows and coverage, a
// sample's exchange and provenance, and the contamination guard's readings.
import {
  allocateTypeCounts as engineAllocate,
  CONTAMINATION_HIT_KINDS,
  createRandom,
  DEFAULT_RATIOS as ENGINE_RATIOS,
  SAMPLE_TYPES as ENGINE_TYPES,
  ZContaminationOverride,
  ZRatios,
} from "@proda/engine";
import { describe, expect, it } from "vitest";
import { canFreezeDataset, HIT_KINDS, kindCounts, MIN_OVERRIDE_REASON, needsOverride, overrideReasonValid } from "../src/features/datasets/lib/contamination";
import { createDatasetBody, datasetFormProblems, type TDatasetFormValues } from "../src/features/datasets/lib/dataset-form";
import { coverageRows, coverageShare, sampleExchange, samplePerturbations, sampleProvenance, typeRows } from "../src/features/datasets/lib/dataset-view";
import {
  allocateTypeCounts,
  DEFAULT_RATIOS,
  percentsFromRatios,
  ratiosFromPercents,
  ratiosValid,
  SAMPLE_TYPES,
  type TRatios,
} from "../src/features/datasets/lib/type-counts";

const share = (taught: number, total: number) => ({ taught, total, share: total ? taught / total : 0 });

describe("type counts", () => {
  it("repeats the engine's constants", () => {
    expect([...SAMPLE_TYPES]).toEqual([...ENGINE_TYPES]);
    expect(DEFAULT_RATIOS).toEqual(ENGINE_RATIOS);
    expect([...HIT_KINDS]).toEqual([...CONTAMINATION_HIT_KINDS]);
  });

  it("splits every budget exactly as the engine does", () => {
    const random = createRandom(7);
    const cases: [number, TRatios][] = [
      [1, DEFAULT_RATIOS],
      [7, DEFAULT_RATIOS],
      [200, DEFAULT_RATIOS],
      [3, { definition_qa: 1 / 3, relation_qa: 1 / 3, single_choice: 1 / 3, multiple_choice: 0, true_false: 0 }],
      [10, { definition_qa: 0, relation_qa: 0, single_choice: 0, multiple_choice: 0, true_false: 1 }],
    ];
    for (let i = 0; i < 300; i++) {
      const weights = SAMPLE_TYPES.map(() => (random() < 0.2 ? 0 : random()));
      const total = weights.reduce((a, b) => a + b, 0) || 1;
      const ratios = Object.fromEntries(SAMPLE_TYPES.map((type, j) => [type, weights[j]! / total])) as TRatios;
      cases.push([1 + Math.floor(random() * 5000), ratios]);
    }
    for (const [budget, ratios] of cases) {
      const counts = allocateTypeCounts(budget, ratios);
      expect(counts).toEqual(engineAllocate(budget, ratios));
      if (ratiosValid(ratios)) expect(SAMPLE_TYPES.reduce((sum, type) => sum + counts[type], 0)).toBe(budget);
    }
  });

  it("turns percents into ratios the API accepts, without float noise", () => {
    const percents = percentsFromRatios(DEFAULT_RATIOS);
    expect(percents).toEqual({ definition_qa: 20, relation_qa: 30, single_choice: 20, multiple_choice: 10, true_false: 20 });
    const ratios = ratiosFromPercents(percents);
    expect(ratios).toEqual(DEFAULT_RATIOS);
    expect(ratiosValid(ratios)).toBe(true);
    expect(ZRatios.safeParse(ratios).success).toBe(true);
    const thirds = ratiosFromPercents({ definition_qa: 33.3333, relation_qa: 33.3333, single_choice: 33.3334, multiple_choice: 0, true_false: 0 });
    expect(ratiosValid(thirds)).toBe(ZRatios.safeParse(thirds).success);
    const off = ratiosFromPercents({ ...percents, true_false: 25 });
    expect(ratiosValid(off)).toBe(false);
    expect(ZRatios.safeParse(off).success).toBe(false);
    expect(ratiosValid({ ...DEFAULT_RATIOS, true_false: Number.NaN })).toBe(false);
  });
});

describe("create form", () => {
  const values: TDatasetFormValues = {
    knowledgeVersionId: "kv1",
    name: "",
    budget: 200,
    seed: 0,
    percents: percentsFromRatios(DEFAULT_RATIOS),
    windowSize: 8,
    truePercent: 50,
  };

  it("accepts the defaults and builds the body in ratios", () => {
    expect(datasetFormProblems(values)).toEqual([]);
    expect(createDatasetBody(values)).toEqual({ knowledgeVersionId: "kv1", ratios: DEFAULT_RATIOS, budget: 200, seed: 0, windowSize: 8, trueShare: 0.5 });
    expect(createDatasetBody({ ...values, name: " V1 ", truePercent: 60 })).toMatchObject({ name: "V1", trueShare: 0.6 });
  });

  it("names every field out of bounds", () => {
    expect(
      datasetFormProblems({ ...values, knowledgeVersionId: "", budget: 0, seed: -1, windowSize: 1.5, truePercent: 101, percents: { ...values.percents, true_false: 30 } }),
    ).toEqual(["version", "budget", "seed", "ratios", "windowSize", "trueShare"]);
    expect(datasetFormProblems({ ...values, budget: Number.NaN, seed: 2 ** 31 })).toEqual(["budget", "seed"]);
  });
});

describe("version readings", () => {
  const recipe = { budget: 10, ratios: DEFAULT_RATIOS };

  it("shows the recipe's targets before the build and the build's figures after", () => {
    expect(typeRows(recipe, null).map((r) => [r.type, r.target, r.produced, r.shortfall])).toEqual([
      ["definition_qa", 2, 0, 2],
      ["relation_qa", 3, 0, 3],
      ["single_choice", 2, 0, 2],
      ["multiple_choice", 1, 0, 1],
      ["true_false", 2, 0, 2],
    ]);
    const zero = Object.fromEntries(SAMPLE_TYPES.map((t) => [t, 0])) as TRatios;
    const stats = {
      targets: { ...zero, definition_qa: 2, relation_qa: 3, single_choice: 2, multiple_choice: 1, true_false: 2 },
      produced: { ...zero, definition_qa: 2, relation_qa: 1, single_choice: 2, multiple_choice: 1, true_false: 2 },
      shortfall: { ...zero, relation_qa: 2 },
      trueStatements: 1, falseStatements: 1, passes: 1, windows: 2, redraftedForForbidden: 0, droppedForForbidden: 0,
    };
    expect(typeRows(recipe, stats).find((r) => r.type === "relation_qa")).toEqual({ type: "relation_qa", target: 3, produced: 1, shortfall: 2 });
  });

  it("orders coverage by discipline and reads one overall share", () => {
    const coverage = {
      samples: 10,
      concepts: share(3, 4),
      relations: share(2, 8),
      byDiscipline: { microbiology: { concepts: share(1, 2), relations: share(1, 4) }, economics: { concepts: share(2, 2), relations: share(1, 4) } },
      byType: Object.fromEntries(SAMPLE_TYPES.map((t) => [t, 2])) as TRatios,
    };
    expect(coverageRows(coverage).map((r) => r.discipline)).toEqual(["economics", "microbiology"]);
    expect(coverageShare(coverage)).toBe(0.25);
    expect(coverageShare({ ...coverage, relations: share(0, 0) })).toBe(0.75);
    expect(coverageShare(null)).toBeNull();
    expect(coverageRows(null)).toEqual([]);
  });
});

describe("samples", () => {
  it("reads the last question and the answer after it", () => {
    expect(sampleExchange({ messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "What is ATP?" }, { role: "assistant", content: "The cell's energy carrier." }] }))
      .toEqual({ question: "What is ATP?", answer: "The cell's energy carrier." });
    expect(sampleExchange({ messages: [] })).toEqual({ question: "", answer: "" });
  });

  it("reads provenance and perturbations tolerantly", () => {
    expect(sampleProvenance({ documentId: "d1", conceptIds: ["c1", 3], relationIds: [], chunkIds: ["k1"], other: 1 })).toEqual({
      documentId: "d1",
      lists: [{ key: "conceptIds", ids: ["c1"] }, { key: "chunkIds", ids: ["k1"] }],
    });
    expect(sampleProvenance({})).toEqual({ documentId: null, lists: [] });
    expect(samplePerturbations({ perturbations: [{ operator: "invert_relation", sourceRelationId: "r1", changed: "causes → prevents", checkedFalse: true }, null] }))
      .toEqual([{ operator: "invert_relation", sourceRelationId: "r1", changed: "causes → prevents" }]);
    expect(samplePerturbations({ perturbations: "x" })).toEqual([]);
  });
});

describe("contamination guard", () => {
  it("counts every kind, zero when absent", () => {
    expect(kindCounts({ ngram_overlap: 3 })).toEqual([
      { kind: "exact_question", count: 0 },
      { kind: "near_duplicate", count: 0 },
      { kind: "ngram_overlap", count: 3 },
    ]);
  });

  it("offers freeze on a ready version with no check running, and an override once blocked", () => {
    expect(canFreezeDataset({ status: "ready" }, null)).toBe(true);
    expect(canFreezeDataset({ status: "ready" }, { status: "running" })).toBe(false);
    expect(canFreezeDataset({ status: "frozen" }, { status: "passed" })).toBe(false);
    expect(needsOverride({ status: "blocked" })).toBe(true);
    expect(needsOverride({ status: "passed" })).toBe(false);
  });

  it("asks an override reason as long as the engine does", () => {
    for (const reason of ["short", " ".repeat(20), "x".repeat(MIN_OVERRIDE_REASON), "Overlap is a shared definition, reviewed."]) {
      expect(overrideReasonValid(reason)).toBe(ZContaminationOverride.safeParse({ reason, by: "u1" }).success);
    }
  });
});
