// The closed loop on the offline path, in the engine: V1 teaches half of the chains → the student
// fails → structural diagnosis → patch plan → V2 (refine + chain-of-thought + replay) and a random
// control of the same size → V2 beats V1, and the control does worse than V2. Patches never contain
// benchmark text, replay leaves patched nodes out, and V2 rebuilds identically from its plan.
import { describe, expect, it } from "vitest";
import {
  buildDataset,
  checkContamination,
  createRandom,
  generateItems,
  hashDataset,
  type TBenchmarkItem,
  type TSample,
} from "../../src/index.ts";
import { buildPatchedDataset, buildRandomControl } from "../../src/debugger/build-patch.ts";
import { countTeaching, diagnoseFailure, type TDiagnosis } from "../../src/debugger/diagnose.ts";
import { planPatch } from "../../src/debugger/plan-patch.ts";
import { answerItem } from "../../src/student/answer-item.ts";
import { trainStudent } from "../../src/student/train-student.ts";
import { buildSyntheticLoopVersion } from "../student/synthetic-loop.ts";

function evaluate(samples: readonly TSample[], items: readonly TBenchmarkItem[]) {
  const { model } = trainStudent(samples, { seed: 1 });
  return items.map((item) => {
    const reply = answerItem(model, { key: item.key, question: item.question, options: item.options, multi: item.mode === "multi" });
    const chosen = item.options.filter((o) => reply.labels.includes(o.label));
    return { item, correct: reply.labels.join(",") === item.answer, chosenOperators: chosen.flatMap((o) => (o.distractor ? [o.distractor.operator] : [])) };
  });
}
const accuracy = (results: { correct: boolean }[]) => results.filter((r) => r.correct).length / results.length;
const itemTexts = (items: readonly TBenchmarkItem[]) => items.flatMap((i) => [i.question, ...i.options.map((o) => o.text)]);

describe("the closed loop (builtin student)", () => {
  const version = buildSyntheticLoopVersion(21);
  const input = { knowledgeVersionId: "kv", builder: version.builder, chains: version.chains };
  const { items } = generateItems(version.chains, version.graph, { seed: 5, mode: "mixed" });
  const random = createRandom(3);
  const heldOut = new Set(version.chains.filter(() => random() < 0.5).map((c) => c.id));
  const keep = new Set(version.chains.filter((c) => !heldOut.has(c.id)).flatMap((c) => c.steps.map((s) => s.relationId)));
  const exclude = version.builder.relations.filter((r) => !keep.has(r.id)).map((r) => r.id);
  const forbidden = itemTexts(items);
  const v1 = buildDataset(version.builder, { knowledgeVersionId: "kv", budget: 1500, seed: 2, excludeRelationIds: exclude }, { forbiddenTexts: forbidden }).samples;
  const v1Results = evaluate(v1, items);
  const counts = countTeaching(v1.map((s) => s.meta));
  const diagnoses: TDiagnosis[] = v1Results
    .filter((r) => !r.correct)
    .map((r) => diagnoseFailure({ itemId: r.item.key, chainId: r.item.chainId, relationIds: r.item.relationIds, conceptIds: r.item.conceptIds, chosenOperators: r.chosenOperators }, counts));
  const plan = planPatch(diagnoses, { parentDatasetVersionId: "v1", budget: 800, seed: 9 });
  const v2 = buildPatchedDataset(input, v1, plan, forbidden);
  const { samples: control, shortfall } = buildRandomControl(input, v1, plan, v2, forbidden);

  it("diagnoses both classes", () => {
    const labels = new Set(diagnoses.map((d) => d.label));
    expect(labels).toEqual(new Set(["concept_gap", "reasoning_deficit"]));
    expect(v2.stats.refine).toBeGreaterThan(0);
    expect(v2.stats.chainOfThought).toBeGreaterThan(0);
  });

  it("V2 beats V1, and the random control of the same size does worse than V2", () => {
    const a1 = accuracy(v1Results);
    const a2 = accuracy(evaluate(v2.samples, items));
    const ac = accuracy(evaluate(control, items));
    console.log({ items: items.length, v1: a1, v2: a2, control: ac, v1Samples: v1.length, v2Samples: v2.samples.length, controlSamples: control.length, stats: v2.stats });
    expect(shortfall).toBe(0);
    expect(control.length).toBe(v2.samples.length);
    expect(a2).toBeGreaterThan(a1 + 0.1);
    expect(a2).toBeGreaterThan(ac + 0.05);
  });

  it("never puts benchmark text into the patch", () => {
    const report = checkContamination(
      v2.samples.map((s) => ({ key: s.key, texts: s.messages.map((m) => m.content), relationIds: s.meta.relationIds })),
      items.map((i) => ({ key: i.key, texts: [i.question, ...i.options.map((o) => o.text)], relationIds: i.relationIds })),
    );
    expect(report.hits).toEqual([]);
  });

  it("drops a patch sample that would repeat a planted benchmark text", () => {
    // Plant: the exact walkthrough the patch would write becomes a benchmark question.
    const planted = v2.samples.find((s) => s.meta.patch?.recipe === "chain_of_thought")!.messages[1]!.content;
    const rebuilt = buildPatchedDataset(input, v1, plan, [...forbidden, planted]);
    expect(rebuilt.samples.some((s) => s.messages.some((m) => m.content === planted))).toBe(false);
    expect(rebuilt.stats.droppedForForbidden).toBeGreaterThan(v2.stats.droppedForForbidden);
  });

  it("never replays a parent sample that repeats a benchmark text", () => {
    // Plant: a V1 sample's answer becomes benchmark text after V1 was built.
    const planted = v1[0]!.messages[1]!.content;
    const rebuilt = buildPatchedDataset(input, v1, plan, [...forbidden, planted]);
    expect(rebuilt.stats.excludedForForbidden).toBeGreaterThan(0);
    expect(rebuilt.samples.some((s) => s.messages.some((m) => m.content === planted))).toBe(false);
  });

  it("replays no sample that teaches a patched node", () => {
    const patch = v2.samples.filter((s) => s.meta.patch);
    const patched = new Set(patch.flatMap((s) => s.meta.relationIds));
    const patchedConcepts = new Set(patch.flatMap((s) => s.meta.conceptIds));
    const replayed = v2.samples.filter((s) => !s.meta.patch);
    expect(replayed.length).toBe(v2.stats.replayed);
    expect(v2.stats.excludedFromReplay).toBeGreaterThan(0);
    for (const s of replayed) {
      expect(s.meta.relationIds.filter((id) => patched.has(id))).toEqual([]);
      if (s.meta.relationIds.length === 0) expect(s.meta.conceptIds.filter((id) => patchedConcepts.has(id))).toEqual([]);
    }
    const v1Keys = new Set(v1.map((s) => s.key));
    for (const s of replayed) expect(v1Keys.has(s.key)).toBe(true);
  });

  it("rebuilds V2 identically from its plan", () => {
    const again = buildPatchedDataset(input, v1, plan, forbidden);
    expect(hashDataset(again.samples)).toBe(hashDataset(v2.samples));
  });
});

describe("diagnosis", () => {
  const counts = countTeaching([
    { relationIds: ["r1"], conceptIds: ["a", "b"] },
    { relationIds: ["r1", "r2"], conceptIds: ["a", "b", "c"] },
    { relationIds: ["r2"], conceptIds: ["b", "c"] },
  ]);
  it("labels an item testing a never-taught relation a concept gap", () => {
    const d = diagnoseFailure({ itemId: "i", chainId: "ch", relationIds: ["r1", "r3"], conceptIds: ["a", "d"], chosenOperators: ["swap_subject_object"] }, counts);
    expect(d.label).toBe("concept_gap");
    expect(d.evidence.untaughtRelations).toEqual(["r3"]);
    expect(d.evidence.untaughtConcepts).toEqual(["d"]);
    expect(d.evidence.fooledBy).toEqual(["swap_subject_object"]);
    expect(d.targets).toEqual({ relationIds: ["r3"], conceptIds: ["d"], chainId: null });
  });
  it("labels an item whose nodes were all taught a reasoning deficit, targeting its chain", () => {
    const d = diagnoseFailure({ itemId: "i", chainId: "ch", relationIds: ["r1", "r2"], conceptIds: ["a", "b", "c"], chosenOperators: [] }, counts);
    expect(d.label).toBe("reasoning_deficit");
    expect(d.targets.chainId).toBe("ch");
    expect(d.confidence).toBeGreaterThan(0.8);
  });
  it("is less sure of a deficit when the nodes were taught only once", () => {
    const once = countTeaching([{ relationIds: ["r1"], conceptIds: ["a"] }]);
    const d = diagnoseFailure({ itemId: "i", chainId: "ch", relationIds: ["r1"], conceptIds: ["a"], chosenOperators: [] }, once);
    expect(d.label).toBe("reasoning_deficit");
    expect(d.evidence.weakRelations).toEqual(["r1"]);
    expect(d.confidence).toBeLessThan(0.6);
  });
});
