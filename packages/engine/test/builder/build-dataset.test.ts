import { describe, expect, it } from "vitest";
import {
  allocateTypeCounts,
  buildDataset,
  checkContamination,
  computeCoverage,
  hashDataset,
  SAMPLE_TYPES,
  ZRecipe,
  type TBuilderInput,
  type TRatios,
  type TSample,
} from "../../src/index.ts";
import { buildFixtureGraph } from "./fixture-graph.ts";

const GRAPH = buildFixtureGraph();
const RECIPE = { knowledgeVersionId: "kv-1", budget: 60, seed: 11 };

function sourceRelation(sample: TSample): string | undefined {
  return sample.meta.relationIds[0];
}

describe("allocateTypeCounts", () => {
  it("rounds by largest remainder so the counts sum to the budget exactly", () => {
    const ratios: TRatios = { definition_qa: 0.2, relation_qa: 0.3, single_choice: 0.2, multiple_choice: 0.1, true_false: 0.2 };
    // 7 × ratios = 1.4, 2.1, 1.4, 0.7, 1.4: floors 1, 2, 1, 0, 1; the 2 left go to 0.7, then the first 0.4.
    expect(allocateTypeCounts(7, ratios)).toEqual({ definition_qa: 2, relation_qa: 2, single_choice: 1, multiple_choice: 1, true_false: 1 });
    expect(allocateTypeCounts(100, { definition_qa: 1 / 3, relation_qa: 1 / 3, single_choice: 1 / 3, multiple_choice: 0, true_false: 0 })).toEqual({
      definition_qa: 34,
      relation_qa: 33,
      single_choice: 33,
      multiple_choice: 0,
      true_false: 0,
    });
    for (let budget = 1; budget <= 500; budget += 7) {
      const counts = allocateTypeCounts(budget, ratios);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(budget);
      for (const type of SAMPLE_TYPES) expect(Math.abs(counts[type] - budget * ratios[type])).toBeLessThan(1);
    }
  });

  it("rejects ratios that do not sum to 1", () => {
    expect(() => ZRecipe.parse({ ...RECIPE, ratios: { definition_qa: 0.5, relation_qa: 0.3, single_choice: 0, multiple_choice: 0, true_false: 0 } })).toThrow(/sum to 1/);
  });
});

describe("buildDataset", () => {
  it("produces exactly round(budget × ratio) samples of each type and the exact true/false split", () => {
    const ratios: TRatios = { definition_qa: 0.15, relation_qa: 0.25, single_choice: 0.2, multiple_choice: 0.15, true_false: 0.25 };
    const { samples, stats } = buildDataset(GRAPH, { ...RECIPE, budget: 90, ratios, trueShare: 0.6 });
    expect(samples).toHaveLength(90);
    const counts = Object.fromEntries(SAMPLE_TYPES.map((t) => [t, samples.filter((s) => s.type === t).length]));
    expect(counts).toEqual(allocateTypeCounts(90, ratios));
    expect(stats.shortfall).toEqual({ definition_qa: 0, relation_qa: 0, single_choice: 0, multiple_choice: 0, true_false: 0 });
    const tf = samples.filter((s) => s.type === "true_false");
    expect(tf.filter((s) => s.meta.truth).length).toBe(Math.round(tf.length * 0.6));
    expect(new Set(samples.map((s) => s.key)).size).toBe(90);
    // Types are interleaved, not concatenated (the original wrote all QA, then choice, then TF).
    expect(new Set(samples.slice(0, 15).map((s) => s.type)).size).toBeGreaterThanOrEqual(4);
  });

  it("is deterministic and rebuilds exactly from its stored recipe", () => {
    const first = buildDataset(GRAPH, RECIPE);
    const stored = JSON.parse(JSON.stringify(first.recipe));
    // The graph as read back from a database: another order.
    const reordered: TBuilderInput = { ...GRAPH, concepts: [...GRAPH.concepts].reverse(), relations: [...GRAPH.relations].reverse() };
    const rebuilt = buildDataset(reordered, ZRecipe.parse(stored));
    expect(rebuilt.samples).toEqual(first.samples);
    expect(hashDataset(rebuilt.samples)).toBe(hashDataset(first.samples));
    const other = buildDataset(GRAPH, { ...RECIPE, seed: 12 });
    expect(hashDataset(other.samples)).not.toBe(hashDataset(first.samples));
  });

  it("grounds every sample in one document: its chunks, its concepts and its quotes", () => {
    const { samples } = buildDataset(GRAPH, { ...RECIPE, budget: 120 });
    const documentOf = (chunkId: string) => GRAPH.chunks.get(chunkId)!.documentId;
    const documentText = new Map<string, string>();
    for (const chunk of GRAPH.chunks.values()) documentText.set(chunk.documentId, `${documentText.get(chunk.documentId) ?? ""}\n${chunk.text}`);
    const clean = (text: string) => text.replace(/\*\*/g, "").replace(/\s+/g, " ").toLowerCase();
    const relationById = new Map(GRAPH.relations.map((r) => [r.id, r]));
    const mentionedIn = new Map<string, Set<string>>();
    for (const c of GRAPH.concepts) mentionedIn.set(c.id, new Set(c.mentions.map((m) => documentOf(m.chunkId))));
    for (const r of GRAPH.relations) for (const id of [r.subjectId, r.objectId]) mentionedIn.get(id)!.add(documentOf(r.chunkId));
    const terms = GRAPH.concepts.map((c) => c.term.toLowerCase()).filter((t) => t.length >= 4);

    for (const sample of samples) {
      const { documentId } = sample.meta;
      const text = sample.messages.map((m) => m.content).join("\n").toLowerCase();
      for (const chunkId of sample.meta.chunkIds) expect(documentOf(chunkId)).toBe(documentId);
      for (const id of sample.meta.relationIds) expect(documentOf(relationById.get(id)!.chunkId)).toBe(documentId);
      for (const id of [...sample.meta.conceptIds, ...sample.meta.mentionedConceptIds]) expect(mentionedIn.get(id)!.has(documentId), `${id} in ${documentId}`).toBe(true);
      // No concept term that its document never uses appears anywhere in the sample.
      const scope = clean(documentText.get(documentId)!);
      for (const term of terms) if (new RegExp(`\\b${term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(text)) expect(scope, `"${term}" in ${sample.key}`).toContain(term);
      // Every quoted passage of the answer is text of the sample's own chunks.
      const chunksText = clean(sample.meta.chunkIds.map((id) => GRAPH.chunks.get(id)!.text).join("\n"));
      for (const [, quote] of sample.messages[1]!.content.matchAll(/"([^"]+)"/g)) expect(chunksText).toContain(clean(quote!));
    }
    // Definitions come from the chunk that defines the concept.
    for (const sample of samples.filter((s) => s.type === "definition_qa")) {
      const concept = GRAPH.concepts.find((c) => c.id === sample.meta.conceptIds[0])!;
      const mention = concept.mentions.find((m) => m.chunkId === sample.meta.chunkIds[0])!;
      expect(clean(sample.messages[1]!.content)).toContain(clean(mention.definition!).replace(/\.$/, ""));
    }
  });

  it("records how every false statement was made, checked false against the graph", () => {
    const { samples } = buildDataset(GRAPH, { ...RECIPE, budget: 80, ratios: { definition_qa: 0, relation_qa: 0, single_choice: 0, multiple_choice: 0.5, true_false: 0.5 } });
    const withFalse = samples.filter((s) => s.meta.truth === false || s.type === "multiple_choice");
    expect(withFalse.length).toBeGreaterThan(40);
    for (const sample of withFalse) {
      expect(sample.meta.perturbations!.length).toBeGreaterThan(0);
      for (const p of sample.meta.perturbations!) {
        expect(p.checkedFalse).toBe(true);
        expect(sample.meta.relationIds).toContain(p.sourceRelationId);
        expect(["swap_subject_object", "invert_relation", "substitute_sibling", "negate_constraint"]).toContain(p.operator);
      }
    }
    for (const sample of samples.filter((s) => s.type === "multiple_choice")) {
      const { options, correct } = sample.meta.choices!;
      expect(options.length).toBeGreaterThanOrEqual(3);
      expect(correct.length).toBe(options.length - sample.meta.perturbations!.length);
    }
  });

  it("walks relations window by window: one pass teaches each relation at most once", () => {
    const relations = GRAPH.relations.length;
    const { samples, stats, coverage } = buildDataset(GRAPH, { ...RECIPE, budget: relations, windowSize: 5, ratios: { definition_qa: 0, relation_qa: 0.5, single_choice: 0, multiple_choice: 0, true_false: 0.5 } });
    const perRelation = new Map<string, number>();
    for (const s of samples) perRelation.set(sourceRelation(s)!, (perRelation.get(sourceRelation(s)!) ?? 0) + 1);
    expect(Math.max(...perRelation.values())).toBeLessThanOrEqual(stats.passes);
    expect(coverage.relations.share).toBeGreaterThan(0.75);
    // Samples of one window come from different relations.
    const byWindow = new Map<number, string[]>();
    for (const s of samples) byWindow.set(s.meta.window, [...(byWindow.get(s.meta.window) ?? []), sourceRelation(s)!]);
    for (const ids of byWindow.values()) expect(new Set(ids).size).toBe(ids.length);
  });

  it("reports coverage overall and per discipline", () => {
    const { samples, coverage } = buildDataset(GRAPH, { ...RECIPE, budget: 200 });
    const taughtRelations = new Set(samples.flatMap((s) => s.meta.relationIds));
    const taughtConcepts = new Set(samples.flatMap((s) => s.meta.conceptIds));
    expect(coverage.samples).toBe(200);
    expect(coverage.relations).toEqual({ taught: taughtRelations.size, total: GRAPH.relations.length, share: taughtRelations.size / GRAPH.relations.length });
    expect(coverage.concepts.taught).toBe(taughtConcepts.size);
    expect(coverage.concepts.total).toBe(GRAPH.concepts.length);
    expect(coverage.relations.share).toBe(1); // enough budget: every relation taught
    expect(Object.keys(coverage.byDiscipline)).toEqual(["biology", "economics"]);
    const sum = (key: "concepts" | "relations", field: "taught" | "total") => Object.values(coverage.byDiscipline).reduce((a, d) => a + d[key][field], 0);
    expect(sum("relations", "total")).toBe(coverage.relations.total);
    expect(sum("concepts", "taught")).toBe(coverage.concepts.taught);
    expect(coverage.byType.relation_qa).toBe(allocateTypeCounts(200, ZRecipe.parse(RECIPE).ratios).relation_qa);
    // The same figures from the stored samples alone.
    expect(computeCoverage(samples, GRAPH)).toEqual(coverage);
  });

  it("never teaches excluded nodes and leaves them out of the coverage totals", () => {
    const excludeRelationIds = GRAPH.relations.slice(0, 10).map((r) => r.id);
    const excludeConceptIds = [GRAPH.concepts.find((c) => c.key === "price floor")!.id];
    const { samples, coverage } = buildDataset(GRAPH, { ...RECIPE, budget: 100, excludeRelationIds, excludeConceptIds });
    for (const s of samples) {
      for (const id of s.meta.relationIds) expect(excludeRelationIds).not.toContain(id);
      expect(s.meta.conceptIds).not.toContain(excludeConceptIds[0]);
    }
    expect(coverage.concepts.total).toBe(GRAPH.concepts.length - 1);
    expect(coverage.relations.total).toBeLessThanOrEqual(GRAPH.relations.length - 10);
  });

  it("keeps forbidden (benchmark) text out of the samples", () => {
    // Benchmark-like items that quote the source sentences verbatim.
    const forbiddenTexts = GRAPH.relations.slice(0, 25).map((r) => {
      const chunk = GRAPH.chunks.get(r.chunkId)!.text;
      return `According to the passage, is it correct that ${chunk.slice(r.quoteStart, r.quoteEnd).replace(/\*\*/g, "")} Explain.`;
    });
    const plain = buildDataset(GRAPH, { ...RECIPE, budget: 100 });
    const items = forbiddenTexts.map((text, i) => ({ key: `item-${i}`, texts: [text], relationIds: [] }));
    const baseline = checkContamination(plain.samples.map((s) => ({ key: s.key, texts: s.messages.map((m) => m.content), relationIds: s.meta.relationIds })), items, { ngram: 8 });
    expect(baseline.passed).toBe(false);

    const guarded = buildDataset(GRAPH, { ...RECIPE, budget: 100, forbiddenBenchmarkIds: ["bench-1"] }, { forbiddenTexts, forbiddenNgram: 8 });
    const report = checkContamination(guarded.samples.map((s) => ({ key: s.key, texts: s.messages.map((m) => m.content), relationIds: s.meta.relationIds })), items, { ngram: 8 });
    expect(report.hits).toEqual([]);
    expect(guarded.samples).toHaveLength(100);
    expect(guarded.stats.redraftedForForbidden).toBeGreaterThan(0);
    expect(guarded.recipe.forbiddenBenchmarkIds).toEqual(["bench-1"]);
  });

  it("applies a wording hook and reports a shortfall when the graph cannot supply a type", () => {
    const worded = buildDataset(GRAPH, { ...RECIPE, budget: 20 }, { wording: (d) => (d.type === "relation_qa" ? { question: `Q: ${d.question}`, answer: d.answer } : null) });
    const qa = worded.samples.filter((s) => s.type === "relation_qa");
    expect(qa.length).toBeGreaterThan(0);
    for (const s of qa) expect(s.messages[0]!.content.startsWith("Q: ")).toBe(true);

    const noDefinitions: TBuilderInput = { ...GRAPH, concepts: GRAPH.concepts.map((c) => ({ ...c, definition: null, mentions: c.mentions.map((m) => ({ ...m, definition: null })) })) };
    const { samples, stats } = buildDataset(noDefinitions, { ...RECIPE, budget: 40 });
    expect(stats.shortfall.definition_qa).toBe(stats.targets.definition_qa);
    expect(samples.filter((s) => s.type === "definition_qa")).toHaveLength(0);
    expect(samples).toHaveLength(40 - stats.targets.definition_qa);
  });
});
