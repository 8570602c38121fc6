// The Tester end to end on real PostgreSQL, Redis and a worker process, over the demo-corpus
// knowledge version: every stored distractor is false against the graph as stored, a length-only
// guesser does no better than chance, answer positions are balanced, every item links to nodes of
// its version, a re-run adds nothing and a crashed run resumes exactly; review, freeze (immutable,
// enforced by the database) and the three export formats, which parse back with their ids.
import { randomBytes } from "node:crypto";
import { getPrisma, type BenchmarkItem } from "@proda/db";
import { GraphView, normalizeItemText, parseExport, PERTURB_OPERATORS, renderStatement, type TBenchmarkExportFormat, type TItemOption, type TRelationType } from "@proda/engine";
import { cancelJob, closeProducer, enqueueJob, getQueue } from "@proda/jobs";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForJob } from "../../../prisma/factories/wait-for-job.ts";
import { startWorker, type WorkerProcess } from "../../worker/test/worker-process.ts";
import * as benchmarks from "../app/api/v1/projects/[projectId]/benchmarks/route.ts";
import * as benchmarkRoute from "../app/api/v1/projects/[projectId]/benchmarks/[benchmarkId]/route.ts";
import * as freeze from "../app/api/v1/projects/[projectId]/benchmarks/[benchmarkId]/freeze/route.ts";
import * as itemsRoute from "../app/api/v1/projects/[projectId]/benchmarks/[benchmarkId]/items/route.ts";
import * as itemRoute from "../app/api/v1/projects/[projectId]/benchmarks/[benchmarkId]/items/[itemId]/route.ts";
import * as exportRoute from "../app/api/v1/projects/[projectId]/benchmarks/[benchmarkId]/export/route.ts";
import * as concept from "../app/api/v1/projects/[projectId]/knowledge/versions/[versionId]/concepts/[conceptId]/route.ts";
import { callRoute } from "./call-route.ts";
import { createKnowledgeProject } from "./fixtures/knowledge-project.ts";

const prisma = getPrisma();
process.env.PRODA_QUEUE_PREFIX = `test-${randomBytes(4).toString("hex")}`;
let worker: WorkerProcess;
let fx: Awaited<ReturnType<typeof createKnowledgeProject>>;
let benchmarkId: string;
let items: BenchmarkItem[];

beforeAll(async () => {
  worker = await startWorker({ PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX! });
  fx = await createKnowledgeProject(prisma, ["owner", "expert", "viewer"]);
});

afterAll(async () => {
  await worker?.stop();
  await getQueue("cpu").obliterate({ force: true }).catch(() => {});
  await closeProducer();
});

const tokenOf = (role: "owner" | "expert" | "viewer") => fx.members[role].token;
const params = (id = benchmarkId) => ({ projectId: fx.projectId, benchmarkId: id });
const optionsOf = (item: Pick<BenchmarkItem, "options">) => item.options as unknown as TItemOption[];
const loadItems = (id = benchmarkId) => prisma.benchmarkItem.findMany({ where: { benchmarkId: id }, orderBy: { position: "asc" } });
const get = (handler: typeof exportRoute.GET, query: string, p: Record<string, string>, token = tokenOf("owner")) =>
  handler(new Request(`http://localhost/x?${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(p) });

async function generate(body: Record<string, unknown>) {
  const res = await callRoute(benchmarks.POST, "POST", { token: tokenOf("owner"), params: { projectId: fx.projectId }, body: { knowledgeVersionId: fx.versionId, ...body } });
  expect(res.status, res.text).toBe(202);
  expect((await waitForJob(prisma, res.body.benchmark.jobId)).status).toBe("completed");
  return res.body.benchmark;
}

async function loadGraph() {
  const versionId = fx.versionId;
  const [concepts, relations, chains] = await Promise.all([
    prisma.concept.findMany({ where: { versionId } }),
    prisma.relation.findMany({ where: { versionId } }),
    prisma.chain.findMany({ where: { versionId } }),
  ]);
  const graph = new GraphView(concepts, relations.map((r) => ({ ...r, type: r.type as TRelationType })));
  return { graph, concepts, relations, chains: new Map(chains.map((c) => [c.id, c])) };
}

describe("benchmark generation (builtin)", () => {
  it("generates a ready benchmark over the knowledge version, stored in order", async () => {
    const b = await generate({ name: "Demo", settings: { seed: 7 } });
    benchmarkId = b.id;
    expect(b.number).toBe(1);
    const detail = await callRoute(benchmarkRoute.GET, "GET", { token: tokenOf("viewer"), params: params() });
    expect(detail.status).toBe(200);
    expect(detail.body.benchmark.status).toBe("ready");
    expect(detail.body.benchmark.knowledgeVersionNumber).toBe(1);
    expect(detail.body.benchmark.settings).toMatchObject({ seed: 7, optionCount: 4, maxLengthRatio: 1.3, disciplines: [] });
    items = await loadItems();
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(detail.body.benchmark.itemCount).toBe(items.length);
    expect(detail.body.benchmark.review.pending).toBe(items.length);
    expect(items.map((i) => i.position)).toEqual(items.map((_, i) => i));
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.mode))).toEqual(new Set(["single", "multi"]));
  });

  it("stores only distractors that are false against the graph as stored in the database", async () => {
    const { graph, chains } = await loadGraph();
    const operators = new Set<string>();
    for (const item of items) {
      const chain = chains.get(item.chainId)!;
      const steps = [...(chain.steps as { order: number; relationId: string; text: string }[])].sort((a, b) => a.order - b.order);
      const chainRelations = new Set([...steps.map((s) => s.relationId), ...(chain.negativeConstraints as { relationId: string | null }[]).flatMap((n) => (n.relationId ? [n.relationId] : []))]);
      const options = optionsOf(item);
      const correct = options.filter((o) => o.correct);
      for (const option of options) {
        if (option.correct) {
          expect(option.distractor).toBeNull();
          continue;
        }
        const d = option.distractor!;
        operators.add(d.operator);
        expect(PERTURB_OPERATORS).toContain(d.operator);
        expect(d.checkedFalse).toBe(true);
        expect(d.changed.length).toBeGreaterThan(0);
        expect(chainRelations.has(d.sourceRelationId), `${item.key}: source ${d.sourceRelationId} outside its chain`).toBe(true);
        expect(item.relationIds).toContain(d.sourceRelationId);
        if (d.statement) {
          expect(graph.states(d.statement), `${item.key}: "${option.text}" is stated by the graph`).toBe(false);
        } else if (d.operator === "break_step_order") {
          // The same steps as the correct order, with two dependent steps reversed (the source relation's step comes too late).
          expect(item.kind).toBe("order");
          const indexOf = (part: string) => steps.findIndex((s) => normalizeItemText(s.text) === normalizeItemText(part));
          const order = option.text.split(", then ").map(indexOf);
          const right = correct[0]!.text.split(", then ").map(indexOf);
          expect(order).not.toContain(-1);
          expect([...order].sort()).toEqual([...right].sort());
          expect(order).not.toEqual(right);
          const relation = (i: number) => graph.relation(steps[i]!.relationId)!;
          const parallel = (a: number, b: number) => relation(a).subjectId === relation(b).subjectId && relation(a).objectId !== relation(b).subjectId && relation(b).objectId !== relation(a).subjectId;
          const reversed = order.some((later, a) => order.slice(a + 1).some((earlier) => earlier < later && !parallel(earlier, later) && steps[earlier]!.relationId === d.sourceRelationId));
          expect(reversed, `${item.key}: "${option.text}" reverses no dependent steps`).toBe(true);
        } else {
          // A dropped precondition: the option asserts the step without the condition the chain states.
          expect(d.operator).toBe("drop_precondition");
          expect(item.kind).toBe("condition");
          const conditions = (chain.preconditions as { text: string }[]).map((p) => normalizeItemText(p.text));
          expect(conditions.length).toBeGreaterThan(0);
          expect(conditions.some((c) => normalizeItemText(option.text).includes(c))).toBe(false);
        }
      }
    }
    expect(operators.size).toBeGreaterThanOrEqual(4);
  });

  it("words every correct statement option from a relation the graph states", async () => {
    const { graph } = await loadGraph();
    for (const item of items.filter((i) => i.kind !== "order")) {
      const clauses = item.relationIds.map((id) => normalizeItemText(renderStatement(graph.relation(id)!, graph)));
      for (const option of optionsOf(item).filter((o) => o.correct)) {
        const text = normalizeItemText(option.text);
        expect(clauses.some((c) => text.includes(c)), `${item.key}: ${option.text}`).toBe(true);
      }
    }
  });

  it("cannot be answered from option length or position", async () => {
    const { body } = await callRoute(benchmarkRoute.GET, "GET", { token: tokenOf("owner"), params: params() });
    const { stats } = body;
    expect(stats.items).toBe(items.length);
    expect(stats.lengthParity.maxRatio).toBeLessThanOrEqual(1.3);
    const guesser = stats.lengthGuesser;
    expect(guesser.single.items).toBeGreaterThan(20);
    expect(guesser.single.longest.accuracy).toBeLessThanOrEqual(guesser.single.chance + 0.05);
    expect(guesser.single.shortest.accuracy).toBeLessThanOrEqual(guesser.single.chance + 0.05);
    expect(Math.abs(guesser.multi.correctLongerShare - 0.5)).toBeLessThanOrEqual(0.1);
    // Single-answer positions: each label within one item of an even share.
    const positions = Object.values(stats.answerPositions.single) as number[];
    expect(positions).toHaveLength(4);
    const even = guesser.single.items / 4;
    for (const count of positions) expect(Math.abs(count - even)).toBeLessThanOrEqual(1);
  });

  it("links every item to a chain, relations, concepts and chunks of its version and discipline", async () => {
    const { concepts, relations, chains } = await loadGraph();
    const conceptIds = new Set(concepts.map((c) => c.id));
    const relationById = new Map(relations.map((r) => [r.id, r]));
    const chunkIds = new Set((await prisma.chunk.findMany({ where: { projectId: fx.projectId }, select: { id: true } })).map((c) => c.id));
    for (const item of items) {
      const chain = chains.get(item.chainId);
      expect(chain, `${item.key}: chain`).toBeDefined();
      expect(item.discipline).toBe(chain!.discipline);
      expect(item.chainLength).toBe(chain!.stepCount);
      expect(item.chunkIds).toContain(chain!.chunkId);
      expect(item.relationIds.length).toBeGreaterThan(0);
      for (const id of item.relationIds) {
        const r = relationById.get(id);
        expect(r, `${item.key}: relation ${id}`).toBeDefined();
        expect(item.conceptIds).toEqual(expect.arrayContaining([r!.subjectId, r!.objectId]));
        expect(item.chunkIds).toContain(r!.chunkId);
      }
      for (const id of item.conceptIds) expect(conceptIds.has(id), `${item.key}: concept ${id}`).toBe(true);
      for (const id of item.chunkIds) expect(chunkIds.has(id), `${item.key}: chunk ${id}`).toBe(true);
      expect(item.operators).toEqual(optionsOf(item).flatMap((o) => (o.distractor ? [o.distractor.operator] : [])).sort());
    }
  });

  it("adds nothing when its job runs again, and resumes a crashed run exactly", async () => {
    const snapshot = (rows: BenchmarkItem[]) => rows.map((r) => ({ key: r.key, position: r.position, question: r.question, options: r.options, answer: r.answer }));
    const again = await enqueueJob(prisma, "benchmark.generate", { projectId: fx.projectId, benchmarkId }, { projectId: fx.projectId });
    expect((await waitForJob(prisma, again.id)).status).toBe("completed");
    expect((await loadItems()).map((r) => r.id)).toEqual(items.map((r) => r.id));

    // A crash after half the items: the rest is written as a full run writes it.
    await prisma.benchmarkItem.deleteMany({ where: { benchmarkId, position: { gte: Math.floor(items.length / 2) } } });
    await prisma.benchmark.update({ where: { id: benchmarkId }, data: { status: "building" } });
    const resumed = await enqueueJob(prisma, "benchmark.generate", { projectId: fx.projectId, benchmarkId }, { projectId: fx.projectId });
    expect((await waitForJob(prisma, resumed.id)).status).toBe("completed");
    const after = await loadItems();
    expect(snapshot(after)).toEqual(snapshot(items));
    expect((await prisma.benchmark.findUniqueOrThrow({ where: { id: benchmarkId } })).status).toBe("ready");
    items = after;
  });
});

describe("benchmark items API", () => {
  it("pages through the items in order and filters them", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await get(itemsRoute.GET, `limit=7${cursor ? `&cursor=${cursor}` : ""}`, params(), tokenOf("viewer"));
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(items.map((i) => i.id));

    const filtered = async (query: string) => ((await (await get(itemsRoute.GET, `${query}&limit=500`, params())).json()) as { items: { id: string }[] }).items.map((i) => i.id);
    const discipline = items[0]!.discipline;
    expect(await filtered(`discipline=${discipline}`)).toEqual(items.filter((i) => i.discipline === discipline).map((i) => i.id));
    expect(await filtered("operator=invert_relation")).toEqual(items.filter((i) => i.operators.includes("invert_relation")).map((i) => i.id));
    expect(await filtered("mode=multi")).toEqual(items.filter((i) => i.mode === "multi").map((i) => i.id));
    const word = items[0]!.question.split(" ").slice(1, 3).join(" ").toUpperCase();
    const byText = await filtered(`q=${encodeURIComponent(word)}`);
    expect(byText).toEqual(items.filter((i) => i.question.toUpperCase().includes(word)).map((i) => i.id));
    expect(byText.length).toBeGreaterThan(0);
    expect((await get(itemsRoute.GET, "operator=nonsense", params())).status).toBe(400);
  });

  it("shows an item with each distractor's source relation, the chain's steps and the concepts", async () => {
    const item = items.find((i) => i.kind === "statement" && optionsOf(i).some((o) => o.distractor?.statement))!;
    const res = await callRoute(itemRoute.GET, "GET", { token: tokenOf("viewer"), params: { ...params(), itemId: item.id } });
    expect(res.status).toBe(200);
    const relationIds = new Set(res.body.relations.map((r: { id: string }) => r.id));
    for (const o of res.body.item.options) if (o.distractor) expect(relationIds.has(o.distractor.sourceRelationId)).toBe(true);
    for (const r of res.body.relations) expect(r.quote.text.length).toBeGreaterThan(0);
    expect(res.body.chain.steps).toHaveLength(item.chainLength);
    expect(res.body.concepts.map((c: { id: string }) => c.id).sort()).toEqual([...item.conceptIds].sort());
    expect(res.body.original).toBeNull();
    expect((await callRoute(itemRoute.GET, "GET", { token: tokenOf("viewer"), params: { ...params(), itemId: "nope" } })).status).toBe(404);
  });

  it("lets experts accept, edit (texts only, length parity kept) and reject items, audited; viewers may not", async () => {
    const [accepted, edited, rejected] = items.filter((i) => i.kind === "statement" && i.mode === "single");
    const patch = (item: BenchmarkItem, body: unknown, role: "expert" | "viewer" = "expert") =>
      callRoute(itemRoute.PATCH, "PATCH", { token: tokenOf(role), params: { ...params(), itemId: item.id }, body });

    expect((await patch(accepted!, { action: "accept" }, "viewer")).status).toBe(403);
    const accept = await patch(accepted!, { action: "accept", note: "reads well" });
    expect(accept.status).toBe(200);
    expect(accept.body.item).toMatchObject({ review: "accepted", reviewNote: "reads well" });

    const before = optionsOf(edited!);
    const texts = before.map((o) => ({ label: o.label, text: `${o.text.replace(/\.$/, "")} (as stated).` }));
    const edit = await patch(edited!, { action: "edit", question: `Reviewed: ${edited!.question}`, options: texts });
    expect(edit.status, edit.text).toBe(200);
    expect(edit.body.item.review).toBe("edited");
    expect(edit.body.item.answer).toBe(edited!.answer);
    expect(edit.body.item.options.map((o: TItemOption) => [o.label, o.correct, o.distractor])).toEqual(before.map((o) => [o.label, o.correct, o.distractor]));
    const second = await patch(edited!, { action: "edit", question: `Reviewed twice: ${edited!.question}` });
    expect(second.status).toBe(200);
    const stored = await prisma.benchmarkItem.findUniqueOrThrow({ where: { id: edited!.id } });
    expect(stored.original).toEqual({ question: edited!.question, options: before.map((o) => ({ label: o.label, text: o.text })) });

    // Parity broken, a correct flag, an unknown option: refused with a clear message, nothing changed.
    const long = await patch(edited!, { action: "edit", options: [{ label: "A", text: `${before[0]!.text} ${before[0]!.text} ${before[0]!.text}` }] });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/lengths are out of balance/);
    expect((await patch(edited!, { action: "edit", options: [{ label: "A", text: "x", correct: true }] })).status).toBe(400);
    expect((await patch(edited!, { action: "edit", options: [{ label: "F", text: "Something else entirely." }] })).status).toBe(400);
    expect((await patch(edited!, { action: "accept", question: "sneaky" })).status).toBe(400);
    expect(await prisma.benchmarkItem.findUniqueOrThrow({ where: { id: edited!.id } })).toEqual(stored);

    expect((await patch(rejected!, { action: "reject", note: "ambiguous" })).body.item.review).toBe("rejected");
    const audit = await prisma.auditEvent.findMany({ where: { projectId: fx.projectId, action: { startsWith: "benchmark.review_" } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["benchmark.review_accept", "benchmark.review_edit", "benchmark.review_edit", "benchmark.review_reject"]);
    expect(audit.every((a) => a.actorId === fx.members.expert.userId)).toBe(true);
    const detail = audit[1]!.detail as { before: { question: string }; after: { question: string; options: { text: string }[] } };
    expect(detail.before.question).toBe(edited!.question);
    expect(detail.after.options.map((o) => o.text)).toEqual(texts.map((t) => t.text));

    const { body } = await callRoute(benchmarkRoute.GET, "GET", { token: tokenOf("owner"), params: params() });
    expect(body.benchmark.review).toEqual({ pending: items.length - 3, accepted: 1, edited: 1, rejected: 1 });
    expect(body.stats.items).toBe(items.length - 1);
    items = await loadItems();
  });

  it("exports JSONL, an lm-eval task and an OpenCompass dataset that parse back with their ids", async () => {
    const kept = items.filter((i) => i.review !== "rejected");
    for (const format of ["jsonl", "lm_eval", "opencompass"] as TBenchmarkExportFormat[]) {
      const res = await get(exportRoute.GET, `format=${format}`, params(), tokenOf("viewer"));
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const files = format === "jsonl"
        ? [{ name: "benchmark-1.jsonl", content: strFromU8(bytes) }]
        : Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, content: strFromU8(data) }));
      expect(res.headers.get("content-type")).toMatch(format === "jsonl" ? /ndjson/ : /zip/);
      const parsed = parseExport(format, files);
      if (parsed.kind !== "benchmark") throw new Error("expected benchmark items");
      expect(parsed.items.map((i) => i.key)).toEqual(kept.map((i) => i.key));
      parsed.items.forEach((exported, n) => {
        const item = kept[n]!;
        const options = optionsOf(item);
        expect(exported.question).toBe(item.question);
        expect(exported.options).toEqual(options.map((o) => o.text));
        expect(exported.answer).toEqual(options.flatMap((o, i) => (o.correct ? [i] : [])));
        expect(exported.meta).toMatchObject({ chainId: item.chainId, relationIds: item.relationIds, conceptIds: item.conceptIds, chunkIds: item.chunkIds });
      });
    }
    expect((await get(exportRoute.GET, "format=csv", params())).status).toBe(400);
  });
});

describe("benchmark lifecycle", () => {
  it("refuses a second run of a version while one is generating, then builds one discipline only", async () => {
    const discipline = items[0]!.discipline;
    const queue = getQueue("cpu");
    await queue.pause();
    try {
      const body = { knowledgeVersionId: fx.versionId, disciplines: [discipline], settings: { itemsPerChain: 2 } };
      expect((await callRoute(benchmarks.POST, "POST", { token: tokenOf("viewer"), params: { projectId: fx.projectId }, body })).status).toBe(403);
      expect((await callRoute(benchmarks.POST, "POST", { token: tokenOf("owner"), params: { projectId: fx.projectId }, body: { knowledgeVersionId: "nope" } })).status).toBe(404);
      const first = await callRoute(benchmarks.POST, "POST", { token: tokenOf("owner"), params: { projectId: fx.projectId }, body });
      expect(first.status).toBe(202);
      expect(first.body.benchmark).toMatchObject({ number: 2, status: "building", name: "Benchmark 2" });
      const second = await callRoute(benchmarks.POST, "POST", { token: tokenOf("owner"), params: { projectId: fx.projectId }, body });
      expect(second.status).toBe(409);
      expect(second.body.error.message).toMatch(/Benchmark 2 .* still being generated/);
      const p = params(first.body.benchmark.id);
      expect((await callRoute(freeze.POST, "POST", { token: tokenOf("owner"), params: p })).status).toBe(409);
      expect((await callRoute(benchmarkRoute.DELETE, "DELETE", { token: tokenOf("owner"), params: p })).status).toBe(409);
      await queue.resume();
      expect((await waitForJob(prisma, first.body.benchmark.jobId)).status).toBe("completed");
      const rows = await loadItems(first.body.benchmark.id);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.discipline === discipline)).toBe(true);
      const perChain = new Map<string, number>();
      for (const r of rows) perChain.set(r.chainId, (perChain.get(r.chainId) ?? 0) + 1);
      expect(Math.max(...perChain.values())).toBeLessThanOrEqual(2);

      const list = await callRoute(benchmarks.GET, "GET", { token: tokenOf("viewer"), params: { projectId: fx.projectId } });
      expect(list.body.benchmarks.map((b: { number: number; status: string }) => [b.number, b.status])).toEqual([[2, "ready"], [1, "ready"]]);
      expect((await callRoute(benchmarkRoute.DELETE, "DELETE", { token: tokenOf("expert"), params: p })).status).toBe(403);
      expect((await callRoute(benchmarkRoute.DELETE, "DELETE", { token: tokenOf("owner"), params: p })).status).toBe(204);
      expect(await prisma.benchmarkItem.count({ where: { benchmarkId: p.benchmarkId } })).toBe(0);
      expect(await prisma.auditEvent.count({ where: { projectId: fx.projectId, action: "benchmark.delete", targetId: p.benchmarkId } })).toBe(1);
    } finally {
      await queue.resume();
    }
  });

  it("reports a benchmark whose job was cancelled as cancelled, and lets it be deleted", async () => {
    const queue = getQueue("cpu");
    await queue.pause();
    try {
      const res = await callRoute(benchmarks.POST, "POST", { token: tokenOf("owner"), params: { projectId: fx.projectId }, body: { knowledgeVersionId: fx.versionId } });
      expect(res.status).toBe(202);
      expect((await cancelJob(prisma, res.body.benchmark.jobId)).status).toBe("cancelled");
      const p = params(res.body.benchmark.id);
      expect((await callRoute(benchmarkRoute.GET, "GET", { token: tokenOf("viewer"), params: p })).body.benchmark.status).toBe("cancelled");
      expect((await callRoute(benchmarkRoute.DELETE, "DELETE", { token: tokenOf("owner"), params: p })).status).toBe(204);
    } finally {
      await queue.resume();
    }
  });

  it("freezes: marks the tested nodes and the version, then refuses every change", async () => {
    expect((await callRoute(freeze.POST, "POST", { token: tokenOf("expert"), params: params() })).status).toBe(403);
    const res = await callRoute(freeze.POST, "POST", { token: tokenOf("owner"), params: params() });
    expect(res.status, res.text).toBe(200);
    expect(res.body.benchmark.status).toBe("frozen");
    expect(res.body.benchmark.frozenAt).not.toBeNull();

    const kept = items.filter((i) => i.review !== "rejected");
    const expected = new Map<string, number>();
    const bump = (key: string) => expected.set(key, (expected.get(key) ?? 0) + 1);
    for (const item of kept) {
      bump(`chain:${item.chainId}`);
      for (const id of new Set(item.relationIds)) bump(`relation:${id}`);
      for (const id of new Set(item.conceptIds)) bump(`concept:${id}`);
    }
    const nodes = await prisma.benchmarkNode.findMany({ where: { benchmarkId } });
    expect(new Map(nodes.map((n) => [`${n.nodeType}:${n.nodeId}`, n.items]))).toEqual(expected);
    const version = await prisma.knowledgeVersion.findUniqueOrThrow({ where: { id: fx.versionId } });
    expect(version.frozenAt).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { projectId: fx.projectId, action: "benchmark.freeze", targetId: benchmarkId } })).toBe(1);

    const item = items[0]!;
    const owner = tokenOf("owner");
    expect((await callRoute(itemRoute.PATCH, "PATCH", { token: owner, params: { ...params(), itemId: item.id }, body: { action: "accept" } })).status).toBe(409);
    expect((await callRoute(benchmarkRoute.DELETE, "DELETE", { token: owner, params: params() })).status).toBe(409);
    expect((await callRoute(freeze.POST, "POST", { token: owner, params: params() })).status).toBe(409);
    const conceptParams = { projectId: fx.projectId, versionId: fx.versionId, conceptId: item.conceptIds[0]! };
    expect((await callRoute(concept.PATCH, "PATCH", { token: owner, params: conceptParams, body: { definition: "changed" } })).status).toBe(409);
    // The database itself refuses, whatever the code path.
    await expect(prisma.benchmarkItem.update({ where: { id: item.id }, data: { question: "tampered" } })).rejects.toThrow(/proda_frozen/);
    await expect(prisma.benchmarkItem.delete({ where: { id: item.id } })).rejects.toThrow(/proda_frozen/);
    await expect(prisma.benchmark.update({ where: { id: benchmarkId }, data: { name: "renamed" } })).rejects.toThrow(/proda_frozen/);
    await expect(prisma.concept.update({ where: { id: item.conceptIds[0]! }, data: { definition: "tampered" } })).rejects.toThrow(/proda_frozen/);
    expect((await loadItems()).map((i) => [i.id, i.question])).toEqual(items.map((i) => [i.id, i.question]));
    // Still readable and exportable.
    expect((await get(exportRoute.GET, "format=jsonl", params())).status).toBe(200);

    // A second benchmark of the frozen version can be built and frozen; the version keeps its first freeze time.
    const other = await generate({ settings: { itemsPerChain: 1 } });
    expect((await callRoute(freeze.POST, "POST", { token: owner, params: params(other.id) })).status).toBe(200);
    expect((await prisma.knowledgeVersion.findUniqueOrThrow({ where: { id: fx.versionId } })).frozenAt).toEqual(version.frozenAt);
  });

  it("answers 503 when the queue is down and leaves no benchmark behind", async () => {
    const realRedis = process.env.REDIS_URL;
    await closeProducer();
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    try {
      const before = await prisma.benchmark.count({ where: { projectId: fx.projectId } });
      const res = await callRoute(benchmarks.POST, "POST", { token: tokenOf("owner"), params: { projectId: fx.projectId }, body: { knowledgeVersionId: fx.versionId } });
      expect(res.status).toBe(503);
      expect(await prisma.benchmark.count({ where: { projectId: fx.projectId } })).toBe(before);
    } finally {
      await closeProducer();
      if (realRedis === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = realRedis;
    }
  });
});
