// The builtin student learns only from the data it is given: on benchmark items whose relations the
// dataset teaches it is far above chance; on items whose relations it never saw it is at chance.
// Deterministic for a seed; the training log is a real prequential loss.
import { describe, expect, it } from "vitest";
import { buildDataset, createRandom, generateItems, type TBenchmarkItem } from "../../src/index.ts";
import { answerItem } from "../../src/student/answer-item.ts";
import { deserializeStudent, serializeStudent, trainStudent, type TStudentModel } from "../../src/student/train-student.ts";
import { buildSyntheticLoopVersion } from "./synthetic-loop.ts";

function accuracy(model: TStudentModel, items: readonly TBenchmarkItem[]) {
  let correct = 0;
  let chance = 0;
  for (const item of items) {
    const reply = answerItem(model, { key: item.key, question: item.question, options: item.options, multi: item.mode === "multi" });
    if (reply.labels.join(",") === item.answer) correct++;
    chance += 1 / item.options.length;
  }
  return { items: items.length, accuracy: correct / items.length, chance: chance / items.length };
}

describe("builtin student", () => {
  const version = buildSyntheticLoopVersion(11);
  const { items } = generateItems(version.chains, version.graph, { seed: 4, mode: "single" });
  // Half of the chains are held out: none of their relations is taught.
  const random = createRandom(9);
  const heldOut = new Set(version.chains.filter(() => random() < 0.5).map((c) => c.id));
  const taughtChains = version.chains.filter((c) => !heldOut.has(c.id));
  const keep = new Set(taughtChains.flatMap((c) => c.steps.map((s) => s.relationId)));
  const exclude = version.builder.relations.filter((r) => !keep.has(r.id)).map((r) => r.id);
  const dataset = buildDataset(version.builder, { knowledgeVersionId: "kv", budget: 4000, seed: 2, excludeRelationIds: exclude });
  const { model, log } = trainStudent(dataset.samples, { seed: 1, batchSize: 250 });
  const taughtRelations = new Set(dataset.samples.flatMap((s) => s.meta.relationIds));
  const statementItems = items.filter((i) => i.kind === "statement");
  const taught = statementItems.filter((i) => i.relationIds.every((r) => taughtRelations.has(r)));
  const untaught = statementItems.filter((i) => i.relationIds.every((r) => !taughtRelations.has(r)));

  it("answers what its data taught far above chance", () => {
    const result = accuracy(model, taught);
    console.log("taught", result);
    expect(result.items).toBeGreaterThan(100);
    expect(result.accuracy).toBeGreaterThan(result.chance + 0.35);
  });

  it("answers what its data never taught at chance", () => {
    const result = accuracy(model, untaught);
    console.log("untaught", result);
    expect(result.items).toBeGreaterThan(100);
    expect(Math.abs(result.accuracy - result.chance)).toBeLessThan(0.08);
  });

  it("knows nothing without data", () => {
    const empty = trainStudent([], { seed: 1 }).model;
    const result = accuracy(empty, statementItems);
    expect(Math.abs(result.accuracy - result.chance)).toBeLessThan(0.06);
  });

  it("is deterministic for a seed and survives serialisation", () => {
    const again = trainStudent(dataset.samples, { seed: 1, batchSize: 250 });
    expect(again.model.dataHash).toBe(model.dataHash);
    const restored = deserializeStudent(serializeStudent(model));
    for (const item of items.slice(0, 50)) {
      const q = { key: item.key, question: item.question, options: item.options, multi: item.mode === "multi" };
      expect(answerItem(restored, q)).toEqual(answerItem(model, q));
    }
  });

  it("logs a prequential loss that falls as it learns", () => {
    const losses = log.map((e) => e.loss).filter((l): l is number => l !== null);
    expect(losses.length).toBeGreaterThan(5);
    const first = losses.slice(0, 2).reduce((a, b) => a + b) / 2;
    const last = losses.slice(-2).reduce((a, b) => a + b) / 2;
    console.log("loss", losses.map((l) => l.toFixed(2)).join(" "));
    expect(last).toBeLessThan(first);
    expect(log.at(-1)!.samplesSeen).toBe(dataset.samples.length);
  });
});
