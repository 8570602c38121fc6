// Evaluation of builtin-student models end to end on real PostgreSQL, Redis and a worker process, over
// a knowledge version built from the demo corpus: a benchmark of its chains (engine Tester, frozen)
// and a dataset (engine Builder) that teaches only the chains of about half of the documents, so
// nothing of the held-out chains reaches it, not even through a shared chunk. The trained student must score
// clearly above chance on the items its data teaches and near chance on the others; the untrained
// baseline near chance everywhere. Finished evaluations are frozen by the database; results, compare,
// export and the API's guards (roles, project scoping, frozen benchmark, Redis down) are checked.
import { randomBytes } from "node:crypto";
import { getPrisma, isFrozenViolation, type Benchmark } from "@proda/db";
import { buildDataset, createRandom, generateItems, type TBenchmarkItem } from "@proda/engine";
import { closeProducer, getQueue } from "@proda/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBenchmark } from "../../../prisma/factories/benchmarks.ts";
import { createFrozenBenchmark, registerTrainedStudent } from "../../../prisma/factories/evaluation.ts";
import { createProjectWithRoles } from "../../../prisma/factories/projects.ts";
import { waitForJob } from "../../../prisma/factories/wait-for-job.ts";
import { loadBuilderInput } from "../../worker/src/builder/load-builder-input.ts";
import { loadTesterInput } from "../../worker/src/tester/load-tester-input.ts";
import { startWorker, type WorkerProcess } from "../../worker/test/worker-process.ts";
import * as evaluations from "../app/api/v1/projects/[projectId]/evaluations/route.ts";
import * as evaluationRoute from "../app/api/v1/projects/[projectId]/evaluations/[evaluationId]/route.ts";
import * as compareRoute from "../app/api/v1/projects/[projectId]/evaluations/compare/route.ts";
import * as resultsRoute from "../app/api/v1/projects/[projectId]/evaluations/[evaluationId]/results/route.ts";
import * as resultRoute from "../app/api/v1/projects/[projectId]/evaluations/[evaluationId]/results/[itemId]/route.ts";
import * as exportRoute from "../app/api/v1/projects/[projectId]/evaluations/[evaluationId]/export/route.ts";
import * as models from "../app/api/v1/projects/[projectId]/models/route.ts";
import * as modelRoute from "../app/api/v1/projects/[projectId]/models/[modelId]/route.ts";
import { callRoute } from "./call-route.ts";
import { createKnowledgeProject } from "./fixtures/knowledge-project.ts";

const prisma = getPrisma();
process.env.PRODA_QUEUE_PREFIX = `test-${randomBytes(4).toString("hex")}`;
let worker: WorkerProcess;
let fx: Awaited<ReturnType<typeof createKnowledgeProject>>;
let benchmark: Benchmark;
let items: TBenchmarkItem[];
/** Item keys whose relations the dataset teaches (all of them) and does not teach (none of them). */
let taught: Set<string>;
let untaught: Set<string>;
let rejectedKey: string;
let trained: { modelId: string; evaluationId: string };
let baseline: { modelId: string; evaluationId: string };

const as = (role: "owner" | "engineer" | "viewer") => fx.members[role].token;
const at = (evaluationId: string) => ({ projectId: fx.projectId, evaluationId });

/** A GET with a query string (callRoute sends none). */
const getWithQuery = (handler: typeof compareRoute.GET, params: Record<string, string>, query: string, token = as("viewer")) =>
  handler(new Request(`http://localhost/x?${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params) });

/** Chance of a guess: 1/n for a single answer, one non-empty subset of 2^n − 1 for select-all. */
const chanceOf = (item: TBenchmarkItem) => (item.mode === "multi" ? 1 / (2 ** item.options.length - 1) : 1 / item.options.length);

/** Evaluates a model on the benchmark with the default settings, through the route and the worker. */
async function evaluate(modelId: string) {
  const res = await callRoute(evaluations.POST, "POST", { token: as("engineer"), params: { projectId: fx.projectId }, body: { benchmarkId: benchmark.id, modelId } });
  expect(res.status, res.text).toBe(202);
  expect((await waitForJob(prisma, res.body.evaluation.jobId)).status).toBe("completed");
  return res.body.evaluation.id as string;
}

/** Accuracy and mean chance over the items of `keys`, from the stored results. */
async function measure(evaluationId: string, keys: Set<string>) {
  const rows = await prisma.evaluationResult.findMany({ where: { evaluationId }, select: { itemId: true, correct: true } });
  const stored = await prisma.benchmarkItem.findMany({ where: { benchmarkId: benchmark.id }, select: { id: true, key: true } });
  const keyOf = new Map(stored.map((s) => [s.id, s.key]));
  const byKey = new Map(items.map((i) => [i.key, i]));
  const picked = rows.filter((r) => keys.has(keyOf.get(r.itemId)!));
  const accuracy = picked.filter((r) => r.correct).length / picked.length;
  const chance = picked.reduce((n, r) => n + chanceOf(byKey.get(keyOf.get(r.itemId)!)!), 0) / picked.length;
  return { items: picked.length, accuracy: Number(accuracy.toFixed(3)), chance: Number(chance.toFixed(3)) };
}

beforeAll(async () => {
  worker = await startWorker({ PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX! });
  fx = await createKnowledgeProject(prisma, ["owner", "engineer", "viewer"]);
  const tester = await loadTesterInput(prisma, fx.versionId, []);
  items = generateItems(tester.chains, tester.graph, { seed: 4, itemsPerChain: 20 }).items;
  // Half of the documents are held out: none of their chains' relations is taught (no relation
  // outside the taught chains is), and no sample is drawn from them (samples stay inside one document).
  // Documents in id-independent order (by their chains' titles), so the split is the same every run.
  const random = createRandom(9);
  const titleOf = new Map<string, string>();
  for (const c of tester.chains) if (!titleOf.has(c.documentId) || c.title < titleOf.get(c.documentId)!) titleOf.set(c.documentId, c.title);
  const documents = [...titleOf.keys()].sort((a, b) => titleOf.get(a)!.localeCompare(titleOf.get(b)!));
  const heldOutDocs = new Set(documents.filter(() => random() < 0.5));
  const heldOut = new Set(tester.chains.filter((c) => heldOutDocs.has(c.documentId)).map((c) => c.id));
  const keep = new Set(tester.chains.filter((c) => !heldOut.has(c.id)).flatMap((c) => c.steps.map((s) => s.relationId)));
  const builder = await loadBuilderInput(prisma, fx.versionId);
  const dataset = buildDataset(builder, {
    knowledgeVersionId: fx.versionId, budget: 3000, seed: 2, excludeRelationIds: builder.relations.filter((r) => !keep.has(r.id)).map((r) => r.id),
  }, { forbiddenTexts: items.flatMap((i) => [i.question, ...i.options.map((o) => o.text)]) });
  const samples = dataset.samples.filter((s) => !heldOutDocs.has(s.meta.documentId));
  const taughtRelations = new Set(samples.flatMap((s) => s.meta.relationIds));
  taught = new Set(items.filter((i) => i.relationIds.every((r) => taughtRelations.has(r))).map((i) => i.key));
  untaught = new Set(items.filter((i) => heldOut.has(i.chainId) && i.relationIds.every((r) => !taughtRelations.has(r))).map((i) => i.key));
  console.log(`dataset: ${samples.length} of ${dataset.samples.length} samples kept; ${heldOut.size} of ${tester.chains.length} chains, ${heldOutDocs.size} of ${documents.length} documents held out`);
  rejectedKey = items[1]!.key;
  benchmark = await createFrozenBenchmark(prisma, { projectId: fx.projectId, knowledgeVersionId: fx.versionId, items, rejectedKeys: [rejectedKey] });
  const student = await registerTrainedStudent(prisma, { projectId: fx.projectId, samples, name: "student V1" });
  trained = { modelId: student.id, evaluationId: await evaluate(student.id) };
});

afterAll(async () => {
  await worker?.stop();
  await getQueue("cpu").obliterate({ force: true }).catch(() => {});
  await closeProducer();
});

describe("evaluation of a trained builtin student", () => {
  it("stores one result per non-rejected item, a full summary, and freezes", async () => {
    const evaluation = await prisma.evaluation.findUniqueOrThrow({ where: { id: trained.evaluationId } });
    expect(evaluation.status).toBe("ready");
    expect(evaluation.frozenAt).not.toBeNull();
    const results = await prisma.evaluationResult.findMany({ where: { evaluationId: evaluation.id } });
    expect(results.length).toBe(items.length - 1);
    const rejected = await prisma.benchmarkItem.findFirstOrThrow({ where: { benchmarkId: benchmark.id, key: rejectedKey } });
    expect(results.some((r) => r.itemId === rejected.id)).toBe(false);
    expect(results.every((r) => r.raw.includes("Answer:") && r.method === "label" && r.error === null)).toBe(true);

    const dto = (await callRoute(evaluationRoute.GET, "GET", { token: as("viewer"), params: at(evaluation.id) })).body.evaluation;
    const summary = dto.summary;
    expect(summary.total.items).toBe(items.length - 1);
    expect(summary.total.correct).toBe(results.filter((r) => r.correct).length);
    const sum = (record: Record<string, { items: number }>) => Object.values(record).reduce((n, a) => n + a.items, 0);
    expect(sum(summary.byDiscipline)).toBe(summary.total.items);
    expect(sum(summary.byLevel)).toBe(summary.total.items);
    expect(sum(summary.byChainLength)).toBe(summary.total.items);
    expect(Object.keys(summary.byOperator).length).toBeGreaterThan(1);
    // fooledBy counts the operators of the wrong options the student chose.
    const chosen = results.flatMap((r) => r.chosenOperators);
    expect(Object.values(summary.fooledBy as Record<string, number>).reduce((n, k) => n + k, 0)).toBe(chosen.length);
    expect(dto.itemsDone).toBe(items.length - 1);
  });

  it("scores clearly above chance on what its data taught, near chance on the rest", async () => {
    const onTaught = await measure(trained.evaluationId, taught);
    const onUntaught = await measure(trained.evaluationId, untaught);
    console.log("trained student: taught", onTaught, "untaught", onUntaught);
    expect(onTaught.items).toBeGreaterThan(80);
    expect(onUntaught.items).toBeGreaterThan(80);
    expect(onTaught.accuracy).toBeGreaterThan(onTaught.chance + 0.4);
    expect(Math.abs(onUntaught.accuracy - onUntaught.chance)).toBeLessThan(0.12);
  });

  it("is immutable once finished: the database refuses to change a result or delete the evaluation", async () => {
    const result = await prisma.evaluationResult.findFirstOrThrow({ where: { evaluationId: trained.evaluationId } });
    const err = await prisma.evaluationResult
      .update({ where: { evaluationId_itemId: { evaluationId: trained.evaluationId, itemId: result.itemId } }, data: { correct: !result.correct } })
      .catch((e: unknown) => e);
    expect(isFrozenViolation(err)).toBe(true);
    const del = await callRoute(evaluationRoute.DELETE, "DELETE", { token: as("engineer"), params: at(trained.evaluationId) });
    expect(del.status).toBe(409);
    // Its model is kept with it: finished evaluations are history.
    const delModel = await callRoute(modelRoute.DELETE, "DELETE", { token: as("engineer"), params: { projectId: fx.projectId, modelId: trained.modelId } });
    expect(delModel.status).toBe(409);
    expect(await prisma.evaluationResult.findUniqueOrThrow({ where: { evaluationId_itemId: { evaluationId: trained.evaluationId, itemId: result.itemId } } })).toEqual(result);
  });
});

describe("the untrained builtin student as a baseline", () => {
  it("knows nothing: near chance on every item", async () => {
    const res = await callRoute(models.POST, "POST", { token: as("engineer"), params: { projectId: fx.projectId }, body: { name: "untrained", backend: "builtin-student" } });
    expect(res.status, res.text).toBe(201);
    expect(res.body.model).toMatchObject({ backend: "builtin-student", kind: "base", hasArtifact: false });
    baseline = { modelId: res.body.model.id, evaluationId: await evaluate(res.body.model.id) };
    const all = await measure(baseline.evaluationId, new Set(items.map((i) => i.key)));
    console.log("untrained baseline", all);
    expect(Math.abs(all.accuracy - all.chance)).toBeLessThan(0.08);
  });

  it("ranks below the trained student on the benchmark's leaderboard", async () => {
    const res = await getWithQuery(evaluations.GET, { projectId: fx.projectId }, `benchmarkId=${benchmark.id}`);
    const board = (await res.json()).evaluations as { id: string; summary: { total: { accuracy: number } } }[];
    expect(board.map((e) => e.id)).toEqual([trained.evaluationId, baseline.evaluationId]);
    expect(board[0]!.summary.total.accuracy).toBeGreaterThan(board[1]!.summary.total.accuracy);
  });
});

describe("results, compare and export", () => {
  it("pages results in item order with filters, and shows one result with its raw reply and item", async () => {
    const seen: { itemId: string; position: number; correct: boolean }[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await getWithQuery(resultsRoute.GET, at(trained.evaluationId), `limit=37${cursor ? `&cursor=${cursor}` : ""}`);
      const page = (await res.json()) as { items: typeof seen; nextCursor: string | null };
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(items.length - 1);
    expect(new Set(seen.map((s) => s.itemId)).size).toBe(seen.length);
    expect(seen.map((s) => s.position)).toEqual([...seen.map((s) => s.position)].sort((a, b) => a - b));

    const failed = await (await getWithQuery(resultsRoute.GET, at(trained.evaluationId), "outcome=fail&limit=500")).json();
    expect(failed.items.length).toBe(seen.filter((s) => !s.correct).length);
    expect(failed.items.every((r: { correct: boolean }) => !r.correct)).toBe(true);
    const operator = items[0]!.difficulty.operators[0]!;
    const byOperator = await (await getWithQuery(resultsRoute.GET, at(trained.evaluationId), `operator=${operator}&level=${items[0]!.difficulty.level}&limit=500`)).json();
    expect(byOperator.items.length).toBeGreaterThan(0);
    expect(byOperator.items.every((r: { operators: string[]; level: number }) => r.operators.includes(operator) && r.level === items[0]!.difficulty.level)).toBe(true);
    const discipline = items[0]!.discipline;
    const byDiscipline = await (await getWithQuery(resultsRoute.GET, at(trained.evaluationId), `discipline=${encodeURIComponent(discipline)}&limit=500`)).json();
    expect(byDiscipline.items.length).toBe(items.filter((i) => i.discipline === discipline && i.key !== rejectedKey).length);

    const detail = await callRoute(resultRoute.GET, "GET", { token: as("viewer"), params: { ...at(trained.evaluationId), itemId: seen[0]!.itemId } });
    expect(detail.status).toBe(200);
    expect(detail.body.result.raw).toMatch(/Answer: [A-F]/);
    expect(detail.body.item.options.length).toBeGreaterThanOrEqual(3);
    expect(detail.body.item.question).toBe(detail.body.result.question);
  });

  it("compares two evaluations item by item, with fixed and regressed counts", async () => {
    const res = await getWithQuery(compareRoute.GET, { projectId: fx.projectId }, `ids=${baseline.evaluationId},${trained.evaluationId}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.evaluations.map((e: { id: string }) => e.id)).toEqual([baseline.evaluationId, trained.evaluationId]);
    expect(body.items.length).toBe(items.length - 1);
    const correctOf = async (id: string) => new Map((await prisma.evaluationResult.findMany({ where: { evaluationId: id } })).map((r) => [r.itemId, r.correct]));
    const [before, after] = [await correctOf(baseline.evaluationId), await correctOf(trained.evaluationId)];
    for (const item of body.items) expect(item.correct).toEqual([before.get(item.itemId), after.get(item.itemId)]);
    const ids = [...before.keys()];
    expect(body.fixed).toBe(ids.filter((id) => !before.get(id) && after.get(id)).length);
    expect(body.regressed).toBe(ids.filter((id) => before.get(id) && !after.get(id)).length);
    expect(body.fixed).toBeGreaterThan(body.regressed);
  });

  it("exports one row per item as JSONL and as CSV", async () => {
    const jsonl = await getWithQuery(exportRoute.GET, at(trained.evaluationId), "format=jsonl");
    expect(jsonl.headers.get("content-type")).toMatch(/ndjson/);
    const rows = (await jsonl.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(rows.length).toBe(items.length - 1);
    const byKey = new Map(items.map((i) => [i.key, i]));
    for (const row of rows) {
      const item = byKey.get(row.key)!;
      expect(row).toMatchObject({ question: item.question, gold: item.answer, discipline: item.discipline, operators: item.difficulty.operators });
      expect(row.correct).toBe(row.parsed === item.answer);
      expect(row.raw).toMatch(/Answer:/);
    }
    const csv = await (await getWithQuery(exportRoute.GET, at(trained.evaluationId), "format=csv")).text();
    const records = parseCsv(csv);
    expect(records[0]!.slice(0, 5)).toEqual(["key", "position", "question", "gold", "raw"]);
    expect(records.length - 1).toBe(rows.length);
    expect(records.slice(1).map((r) => r[0])).toEqual(rows.map((r) => r.key));
  });
});

describe("the API's guards", () => {
  it("needs evaluation.run to start one (viewer → 403) and hides other projects' ids (404)", async () => {
    const body = { benchmarkId: benchmark.id, modelId: baseline.modelId };
    const viewer = await callRoute(evaluations.POST, "POST", { token: as("viewer"), params: { projectId: fx.projectId }, body });
    expect(viewer.status).toBe(403);
    const other = await createProjectWithRoles(prisma, ["owner"]);
    const cross = await callRoute(evaluations.POST, "POST", { token: other.members.owner.token, params: { projectId: other.project.id }, body });
    expect(cross.status).toBe(404);
    const peek = await callRoute(evaluationRoute.GET, "GET", { token: other.members.owner.token, params: { projectId: other.project.id, evaluationId: trained.evaluationId } });
    expect(peek.status).toBe(404);
  });

  it("refuses a benchmark that is not frozen (409) and leaves no row", async () => {
    const draft = await createBenchmark(prisma, { projectId: fx.projectId, knowledgeVersionId: fx.versionId, frozen: false, items: [{ question: "Q?", options: ["a b", "c d", "e f"] }] });
    const res = await callRoute(evaluations.POST, "POST", { token: as("engineer"), params: { projectId: fx.projectId }, body: { benchmarkId: draft.id, modelId: baseline.modelId } });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/not frozen/);
    expect(await prisma.evaluation.count({ where: { benchmarkId: draft.id } })).toBe(0);
  });

  it("compares only evaluations of one benchmark (400)", async () => {
    const other = await createFrozenBenchmark(prisma, { projectId: fx.projectId, knowledgeVersionId: fx.versionId, items: items.slice(0, 3) });
    const res = await callRoute(evaluations.POST, "POST", { token: as("engineer"), params: { projectId: fx.projectId }, body: { benchmarkId: other.id, modelId: baseline.modelId } });
    expect(res.status).toBe(202);
    expect((await waitForJob(prisma, res.body.evaluation.jobId)).status).toBe("completed");
    const compared = await getWithQuery(compareRoute.GET, { projectId: fx.projectId }, `ids=${trained.evaluationId},${res.body.evaluation.id}`);
    expect(compared.status).toBe(400);
  });

  it("answers 503 with Redis down and keeps no evaluation row", async () => {
    const before = await prisma.evaluation.count({ where: { projectId: fx.projectId } });
    const realRedis = process.env.REDIS_URL;
    await closeProducer();
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    try {
      const res = await callRoute(evaluations.POST, "POST", { token: as("engineer"), params: { projectId: fx.projectId }, body: { benchmarkId: benchmark.id, modelId: baseline.modelId } });
      expect(res.status).toBe(503);
    } finally {
      await closeProducer();
      // Assigning undefined would store the string "undefined".
      if (realRedis === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = realRedis;
    }
    expect(await prisma.evaluation.count({ where: { projectId: fx.projectId } })).toBe(before);
  });

  it("writes every mutation to the audit log", async () => {
    const actions = (await prisma.auditEvent.findMany({ where: { projectId: fx.projectId } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["evaluation.create", "model.register"]));
  });
});

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n") row.push(field.replace(/\r$/, "")), rows.push(row), (row = []), (field = "");
    else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
