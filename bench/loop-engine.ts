// The closed loop in the engine on real textbook text: builtin extraction → benchmark → V1 (a budget
// that leaves part of the graph untaught) → builtin student → diagnosis → patch → V2 and a random
// control of the same size → students → accuracy. Prints the figures and writes them to
// bench/results/loop-engine-<name>.json. No database or queue: the stages' pure functions only.
//
//   npx tsx bench/loop-engine.ts [--path ../shared/corpus-sample] [--files 20] [--v1-share 0.5] [--patch 1000]
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  answerItem,
  buildDataset,
  buildPatchedDataset,
  buildRandomControl,
  checkContamination,
  countTeaching,
  diagnoseFailure,
  generateItems,
  planPatch,
  trainStudent,
  type TBenchmarkItem,
  type TSample,
} from "../packages/engine/src/index.ts";
import { buildLoopVersion } from "./lib/loop-version.ts";

const { values: args } = parseArgs({
  options: {
    path: { type: "string", default: "../shared/corpus-sample" },
    files: { type: "string", default: "1000" },
    "v1-share": { type: "string", default: "0.5" },
    patch: { type: "string", default: "1000" },
    name: { type: "string", default: "corpus-sample" },
  },
});

const timings: Record<string, number> = {};
function timed<T>(label: string, fn: () => T): T {
  const started = performance.now();
  const out = fn();
  timings[label] = Math.round(performance.now() - started);
  console.log(`${label}: ${timings[label]} ms`);
  return out;
}

function evaluate(samples: readonly TSample[], items: readonly TBenchmarkItem[]) {
  const { model } = trainStudent(samples, { seed: 1 });
  return items.map((item) => {
    const reply = answerItem(model, { key: item.key, question: item.question, options: item.options, multi: item.mode === "multi" });
    const chosen = item.options.filter((o) => reply.labels.includes(o.label));
    return { item, correct: reply.labels.join(",") === item.answer, chosenOperators: chosen.flatMap((o) => (o.distractor ? [o.distractor.operator] : [])) };
  });
}
const accuracy = (results: { correct: boolean }[]) => results.filter((r) => r.correct).length / results.length;
const chance = (items: readonly TBenchmarkItem[]) => items.reduce((s, i) => s + (i.mode === "single" ? 1 / i.options.length : 0), 0) / items.length;

const version = timed("extract", () => buildLoopVersion(path.resolve(args.path!), Number(args.files)));
const { items } = timed("benchmark", () => generateItems(version.chains, version.graph, { seed: 1 }));
const forbidden = items.flatMap((i) => [i.question, ...i.options.map((o) => o.text)]);
const budget = Math.round(version.builder.relations.length * Number(args["v1-share"]));
const v1 = timed("v1", () => buildDataset(version.builder, { knowledgeVersionId: "kv", budget, seed: 1 }, { forbiddenTexts: forbidden })).samples;
const v1Results = timed("train+evaluate v1", () => evaluate(v1, items));
const counts = countTeaching(v1.map((s) => s.meta));
const diagnoses = v1Results
  .filter((r) => !r.correct)
  .map((r) => diagnoseFailure({ itemId: r.item.key, chainId: r.item.chainId, relationIds: r.item.relationIds, conceptIds: r.item.conceptIds, chosenOperators: r.chosenOperators }, counts));
const plan = planPatch(diagnoses, { parentDatasetVersionId: "v1", budget: Number(args.patch), seed: 2 });
const input = { knowledgeVersionId: "kv", builder: version.builder, chains: version.chains };
const v2 = timed("v2", () => buildPatchedDataset(input, v1, plan, forbidden));
const { samples: control } = timed("control", () => buildRandomControl(input, v1, plan, v2, forbidden));
const v2Results = timed("train+evaluate v2", () => evaluate(v2.samples, items));
const controlResults = timed("train+evaluate control", () => evaluate(control, items));
const contamination = checkContamination(
  v2.samples.map((s) => ({ key: s.key, texts: s.messages.map((m) => m.content), relationIds: s.meta.relationIds })),
  items.map((i) => ({ key: i.key, texts: [i.question, ...i.options.map((o) => o.text)], relationIds: i.relationIds })),
);
const byId = new Map(v1Results.map((r) => [r.item.key, r.correct]));
const fixed = v2Results.filter((r) => r.correct && !byId.get(r.item.key)).length;
const regressed = v2Results.filter((r) => !r.correct && byId.get(r.item.key)).length;

const result = {
  name: args.name,
  at: new Date().toISOString(),
  graph: { concepts: version.builder.concepts.length, relations: version.builder.relations.length, chains: version.chains.length },
  items: items.length,
  chance: chance(items),
  v1: { samples: v1.length, accuracy: accuracy(v1Results) },
  diagnoses: { concept_gap: diagnoses.filter((d) => d.label === "concept_gap").length, reasoning_deficit: diagnoses.filter((d) => d.label === "reasoning_deficit").length },
  plan: { refine: plan.refine.budget, chainOfThought: plan.chainOfThought.budget, refineRelations: plan.refine.relationIds.length, chains: plan.chainOfThought.chainIds.length },
  v2: { samples: v2.samples.length, accuracy: accuracy(v2Results), stats: v2.stats, fixed, regressed },
  control: { samples: control.length, accuracy: accuracy(controlResults) },
  contaminationHits: contamination.hits.length,
  timingsMs: timings,
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(path.resolve("bench/results"), { recursive: true });
writeFileSync(path.resolve(`bench/results/loop-engine-${args.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
