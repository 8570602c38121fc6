// The Builder and the contamination guard end to end on real PostgreSQL, Redis and a worker process,
// over a knowledge version built from the demo corpus: exact type counts, grounded samples, exact
// rebuilds, diffs, exports that parse back with their ids, and the guard blocking a planted
// benchmark overlap until an owner overrides it with a reason, after which the version is frozen.
import { randomBytes } from "node:crypto";
import { getPrisma, isFrozenViolation } from "@proda/db";
import { allocateTypeCounts, DEFAULT_RATIOS, hashDataset, normalizeTokens, parseExport, SAMPLE_TYPES, type TDatasetExportFormat } from "@proda/engine";
import { closeProducer, getQueue } from "@proda/jobs";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBenchmark } from "../../../prisma/factories/benchmarks.ts";
import { waitForJob } from "../../../prisma/factories/wait-for-job.ts";
import { buildDatasetVersion } from "../../worker/src/builder/build-version.ts";
import { startWorker, type WorkerProcess } from "../../worker/test/worker-process.ts";
import * as datasets from "../app/api/v1/projects/[projectId]/datasets/route.ts";
import * as dataset from "../app/api/v1/projects/[projectId]/datasets/[datasetId]/route.ts";
import * as samplesRoute from "../app/api/v1/projects/[projectId]/datasets/[datasetId]/samples/route.ts";
import * as diffRoute from "../app/api/v1/projects/[projectId]/datasets/[datasetId]/diff/route.ts";
import * as exportRoute from "../app/api/v1/projects/[projectId]/datasets/[datasetId]/export/route.ts";
import * as contamination from "../app/api/v1/projects/[projectId]/datasets/[datasetId]/contamination/route.ts";
import * as freeze from "../app/api/v1/projects/[projectId]/datasets/[datasetId]/freeze/route.ts";
import { exportDatasetVersion } from "../src/server/datasets/export-dataset.ts";
import { callRoute } from "./call-route.ts";
import { createKnowledgeProject } from "./fixtures/knowledge-project.ts";

const prisma = getPrisma();
process.env.PRODA_QUEUE_PREFIX = `test-${randomBytes(4).toString("hex")}`;
const BUDGET = 120;
let worker: WorkerProcess;
let fx: Awaited<ReturnType<typeof createKnowledgeProject>>;
let first: { id: string; contentHash: string };

beforeAll(async () => {
  worker = await startWorker({ PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX! });
  fx = await createKnowledgeProject(prisma, ["owner", "engineer", "viewer"]);
});

afterAll(async () => {
  await worker?.stop();
  await getQueue("cpu").obliterate({ force: true }).catch(() => {});
  await closeProducer();
});

const as = (role: "owner" | "engineer" | "viewer") => fx.members[role].token;
const at = (datasetId: string) => ({ projectId: fx.projectId, datasetId });

/** Starts a build through the route and waits for it: the ready version's DTO. */
async function build(body: Record<string, unknown>) {
  const res = await callRoute(datasets.POST, "POST", { token: as("engineer"), params: { projectId: fx.projectId }, body });
  expect(res.status, res.text).toBe(202);
  expect((await waitForJob(prisma, res.body.dataset.jobId)).status).toBe("completed");
  const got = await callRoute(dataset.GET, "GET", { token: as("viewer"), params: at(res.body.dataset.id) });
  expect(got.body.dataset.status).toBe("ready");
  return got.body.dataset;
}

/** Starts a check (or a freeze) through a route and waits for it: the full report. */
async function check(handler: typeof freeze.POST, datasetId: string, body: Record<string, unknown>, role: "owner" | "engineer" = "engineer") {
  const res = await callRoute(handler, "POST", { token: as(role), params: at(datasetId), body });
  expect(res.status, res.text).toBe(202);
  const report = await prisma.contaminationReport.findUniqueOrThrow({ where: { id: res.body.report.id } });
  expect((await waitForJob(prisma, report.jobId!)).status).toBe("completed");
  return (await callRoute(contamination.GET, "GET", { token: as("viewer"), params: at(datasetId) })).body.report;
}

/** A GET with a query string, as a viewer (callRoute sends none). */
const getWithQuery = (handler: typeof dataset.GET, datasetId: string, query: string) =>
  handler(new Request(`http://localhost/x?${query}`, { headers: { authorization: `Bearer ${as("viewer")}` } }), { params: Promise.resolve(at(datasetId)) });

const samplesOf = (datasetVersionId: string) => prisma.trainingSample.findMany({ where: { datasetVersionId }, orderBy: { position: "asc" } });

describe("dataset versions (builtin Builder)", () => {
  it("builds exact type counts, every sample grounded in its document", async () => {
    const v = await build({ knowledgeVersionId: fx.versionId, budget: BUDGET, seed: 7 });
    const targets = allocateTypeCounts(BUDGET, DEFAULT_RATIOS);
    expect(v.stats.targets).toEqual(targets);
    const rows = await samplesOf(v.id);
    for (const type of SAMPLE_TYPES) {
      // Exact where the graph can supply the type; otherwise the gap is reported, never hidden.
      expect(rows.filter((s) => s.type === type).length, type).toBe(targets[type] - v.stats.shortfall[type]);
    }
    expect(Object.values(v.stats.shortfall as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(0);
    expect(v.sampleCount).toBe(BUDGET);
    expect(v.contentHash).toBe(hashDataset(rows));
    expect(v.coverage.relations.taught).toBeGreaterThan(0);

    const [chunks, concepts, relations] = await Promise.all([
      prisma.chunk.findMany({ where: { projectId: fx.projectId }, select: { id: true, documentId: true } }),
      prisma.concept.findMany({ where: { versionId: fx.versionId }, select: { id: true } }),
      prisma.relation.findMany({ where: { versionId: fx.versionId }, select: { id: true } }),
    ]);
    const documentOf = new Map(chunks.map((c) => [c.id, c.documentId]));
    const conceptIds = new Set(concepts.map((c) => c.id));
    const relationIds = new Set(relations.map((r) => r.id));
    for (const s of rows) {
      const meta = s.meta as { documentId: string; chunkIds: string[]; conceptIds: string[]; relationIds: string[] };
      expect(s.documentId).toBe(meta.documentId);
      expect(meta.chunkIds.length).toBeGreaterThan(0);
      for (const id of meta.chunkIds) expect(documentOf.get(id), `chunk ${id} of sample ${s.key}`).toBe(meta.documentId);
      for (const id of meta.conceptIds) expect(conceptIds.has(id)).toBe(true);
      for (const id of meta.relationIds) expect(relationIds.has(id)).toBe(true);
      expect(s.conceptIds).toEqual(meta.conceptIds);
      expect(s.relationIds).toEqual(meta.relationIds);
    }
    first = { id: v.id, contentHash: v.contentHash };
  });

  it("rebuilds a version exactly from its recipe", async () => {
    const again = await build({ rebuildOf: first.id });
    expect(again.contentHash).toBe(first.contentHash);
    expect(again.recipe).toEqual((await prisma.datasetVersion.findUniqueOrThrow({ where: { id: first.id } })).recipe);
    expect((await samplesOf(again.id)).map((s) => s.key)).toEqual((await samplesOf(first.id)).map((s) => s.key));
  });

  it("replaces a partial write when a build job runs again", async () => {
    const source = await prisma.datasetVersion.findUniqueOrThrow({ where: { id: first.id } });
    const row = await prisma.datasetVersion.create({
      data: { projectId: fx.projectId, number: 900, name: "interrupted", knowledgeVersionId: fx.versionId, recipe: source.recipe as object },
    });
    // What a crashed attempt could leave: some samples, not all, and not necessarily the right ones.
    const partial = (await samplesOf(first.id)).slice(0, 7);
    await prisma.trainingSample.createMany({ data: partial.map(({ id: _id, ...s }) => ({ ...s, datasetVersionId: row.id, key: `stale-${s.key}`, messages: s.messages as object, meta: s.meta as object })) });
    await buildDatasetVersion(prisma, row.id, async () => {});
    const rebuilt = await prisma.datasetVersion.findUniqueOrThrow({ where: { id: row.id } });
    expect(rebuilt.status).toBe("ready");
    expect(rebuilt.contentHash).toBe(first.contentHash);
    expect(await prisma.trainingSample.count({ where: { datasetVersionId: row.id } })).toBe(BUDGET);
    await prisma.datasetVersion.delete({ where: { id: row.id } });
  });

  it("reports what the graph cannot supply, and refuses a second build meanwhile", async () => {
    const params = { projectId: fx.projectId };
    const running = await callRoute(datasets.POST, "POST", { token: as("owner"), params, body: { knowledgeVersionId: fx.versionId, budget: 3000 } });
    expect(running.status).toBe(202);
    const second = await callRoute(datasets.POST, "POST", { token: as("owner"), params, body: { knowledgeVersionId: fx.versionId } });
    expect(second.status).toBe(409);
    expect(second.body.error.details.datasetId).toBe(running.body.dataset.id);
    expect((await waitForJob(prisma, running.body.dataset.jobId)).status).toBe("completed");
    // More than the demo graph can give: what is missing is reported per type, never hidden.
    const big = await prisma.datasetVersion.findUniqueOrThrow({ where: { id: running.body.dataset.id } });
    const stats = big.stats as { produced: Record<string, number>; shortfall: Record<string, number> };
    const shortfall = Object.values(stats.shortfall).reduce((a, b) => a + b, 0);
    expect(shortfall).toBeGreaterThan(0);
    expect(big.sampleCount + shortfall).toBe(3000);
    for (const type of SAMPLE_TYPES) {
      expect(await prisma.trainingSample.count({ where: { datasetVersionId: big.id, type } })).toBe(allocateTypeCounts(3000, DEFAULT_RATIOS)[type] - stats.shortfall[type]!);
    }
    expect((await callRoute(dataset.DELETE, "DELETE", { token: as("engineer"), params: at(big.id) })).status).toBe(204);
    expect(await prisma.trainingSample.count({ where: { datasetVersionId: big.id } })).toBe(0);
  });

  it("refuses bad requests and roles that may not build", async () => {
    const params = { projectId: fx.projectId };
    const both = await callRoute(datasets.POST, "POST", { token: as("owner"), params, body: { knowledgeVersionId: fx.versionId, rebuildOf: first.id } });
    expect(both.status).toBe(400);
    const tweaked = await callRoute(datasets.POST, "POST", { token: as("owner"), params, body: { rebuildOf: first.id, seed: 3 } });
    expect(tweaked.status).toBe(400);
    const unknown = await callRoute(datasets.POST, "POST", { token: as("owner"), params, body: { knowledgeVersionId: fx.versionId, excludeRelationIds: ["nope"] } });
    expect(unknown.status).toBe(400);
    const viewer = await callRoute(datasets.POST, "POST", { token: as("viewer"), params, body: { knowledgeVersionId: fx.versionId } });
    expect(viewer.status).toBe(403);
    expect((await callRoute(contamination.POST, "POST", { token: as("viewer"), params: at(first.id), body: {} })).status).toBe(403);
  });

  it("diffs two versions by sample key", async () => {
    const other = await build({ knowledgeVersionId: fx.versionId, budget: BUDGET, seed: 8 });
    const { diff } = await (await getWithQuery(diffRoute.GET, other.id, `against=${first.id}`)).json();
    const a = new Set((await samplesOf(first.id)).map((s) => s.key));
    const b = new Set((await samplesOf(other.id)).map((s) => s.key));
    const added = [...b].filter((k) => !a.has(k));
    const removed = [...a].filter((k) => !b.has(k));
    expect(diff.added).toBe(added.length);
    expect(diff.removed).toBe(removed.length);
    expect(diff.kept).toBe(b.size - added.length);
    expect(diff.added).toBeGreaterThan(0);
    expect(diff.addedSamples.length).toBe(Math.min(50, added.length));
    for (const s of diff.addedSamples) expect(added).toContain(s.key);
    for (const s of diff.removedSamples) expect(removed).toContain(s.key);
    const byType = diff.byType as { added: number; removed: number }[];
    expect(byType.reduce((n, t) => n + t.added, 0)).toBe(added.length);
    expect(byType.reduce((n, t) => n + t.removed, 0)).toBe(removed.length);
  });

  it("pages and filters samples", async () => {
    const get = (query: string) => getWithQuery(samplesRoute.GET, first.id, query).then((r) => r.json());
    const page1 = await get("limit=50");
    const page2 = await get(`limit=50&cursor=${page1.nextCursor}`);
    expect(page1.items.length).toBe(50);
    expect(page2.items[0].position).toBe(50);
    const tf = await get("type=true_false&limit=200");
    expect(tf.items.length).toBe(allocateTypeCounts(BUDGET, DEFAULT_RATIOS).true_false);
    const word = normalizeTokens(page1.items[0].messages[0].content).at(-1)!;
    const found = await get(`q=${encodeURIComponent(word.toUpperCase())}&limit=200`);
    expect(found.items.length).toBeGreaterThan(0);
    for (const s of found.items) expect(JSON.stringify(s.messages).toLowerCase()).toContain(word);
  });

  /** Reads an export back with the engine's parser (a zip for LLaMA-Factory). */
  function parseDownload(format: TDatasetExportFormat, filename: string, bytes: Uint8Array) {
    const files = format === "llama_factory"
      ? Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, content: strFromU8(data) }))
      : [{ name: filename, content: strFromU8(bytes) }];
    const parsed = parseExport(format, files);
    if (parsed.kind !== "dataset") throw new Error("expected a dataset");
    return parsed;
  }

  it("exports every format with keys and node ids that parse back", async () => {
    const rows = await samplesOf(first.id);
    const formats: TDatasetExportFormat[] = ["sharegpt", "alpaca", "openai", "llama_factory"];
    for (const format of formats) {
      const res = await getWithQuery(exportRoute.GET, first.id, `format=${format}`);
      expect(res.status).toBe(200);
      const parsed = parseDownload(format, /filename="([^"]+)"/.exec(res.headers.get("content-disposition")!)![1]!, new Uint8Array(await res.arrayBuffer()));
      expect(parsed.samples.map((s) => s.key), format).toEqual(rows.map((s) => s.key));
      parsed.samples.forEach((s, i) => {
        const meta = rows[i]!.meta as Record<string, unknown>;
        for (const field of ["conceptIds", "relationIds", "chunkIds", "documentId"]) expect(s.meta[field], `${format} ${field}`).toEqual(meta[field]);
        expect(s.messages.at(-1)!.content).toBe((rows[i]!.messages as { content: string }[]).at(-1)!.content);
      });
    }
  });

  it("streams an export across database pages in order", async () => {
    const version = await prisma.datasetVersion.findUniqueOrThrow({ where: { id: first.id } });
    const keys = (await samplesOf(first.id)).map((s) => s.key);
    for (const format of ["sharegpt", "llama_factory"] as const) {
      const { filename, body } = exportDatasetVersion(prisma, version, format, 7);
      const parts: Uint8Array[] = [];
      for await (const part of body) parts.push(part);
      const bytes = new Uint8Array(Buffer.concat(parts));
      expect(parseDownload(format, filename, bytes).samples.map((s) => s.key)).toEqual(keys);
    }
  });
});

describe("contamination guard", () => {
  let planted: { id: string };
  let exactKey: string;
  let overlapKey: string;

  it("blocks a freeze when a frozen benchmark copies training text", async () => {
    const rows = await samplesOf(first.id);
    const question = (s: (typeof rows)[number]) => (s.messages as { content: string }[])[0]!.content;
    const answer = (s: (typeof rows)[number]) => (s.messages as { content: string }[]).at(-1)!.content;
    const exact = rows.find((s) => s.type === "relation_qa")!;
    const overlap = rows.find((s) => s !== exact && normalizeTokens(answer(s)).length >= 16 && question(s) !== question(exact))!;
    exactKey = exact.key;
    overlapKey = overlap.key;
    planted = await createBenchmark(prisma, {
      projectId: fx.projectId, knowledgeVersionId: fx.versionId, userId: fx.members.owner.userId,
      items: [
        { question: question(exact), options: ["Yes, always", "No, never", "Only at night", "It depends on the moon"] },
        {
          question: "Which statement about the studio's planted item is right?",
          options: [`Zebra quartz ${normalizeTokens(answer(overlap)).slice(0, 14).join(" ")} indeed`, "Purple clouds sing", "Granite floats", "Tea boils at zero"],
        },
      ],
    });

    const report = await check(freeze.POST, first.id, {});
    expect(report.status).toBe("blocked");
    expect(report.benchmarkIds).toEqual([planted.id]);
    const kinds = (key: string) => report.hits.filter((h: { sampleKey: string }) => h.sampleKey === key).map((h: { kind: string }) => h.kind);
    expect(kinds(exactKey)).toContain("exact_question");
    expect(kinds(overlapKey)).toContain("ngram_overlap");
    expect(report.counts.byKind.exact_question).toBeGreaterThanOrEqual(1);
    expect(report.counts.samples).toBe(BUDGET);
    const version = await prisma.datasetVersion.findUniqueOrThrow({ where: { id: first.id } });
    expect(version.status).toBe("ready");
    expect(version.frozenAt).toBeNull();
  });

  it("lets only an owner override it, with a recorded reason, and then freezes the version", async () => {
    const reason = "Planted overlap, accepted for this test run";
    const engineer = await callRoute(freeze.POST, "POST", { token: as("engineer"), params: at(first.id), body: { override: { reason } } });
    expect(engineer.status).toBe(403);
    const short = await callRoute(freeze.POST, "POST", { token: as("owner"), params: at(first.id), body: { override: { reason: "because" } } });
    expect(short.status).toBe(400);

    const report = await check(freeze.POST, first.id, { override: { reason } }, "owner");
    expect(report.status).toBe("overridden");
    expect(report.overrideReason).toBe(reason);
    expect(report.overrideBy).toBe(fx.members.owner.userId);
    expect(report.hits.length).toBeGreaterThan(0);
    const version = await prisma.datasetVersion.findUniqueOrThrow({ where: { id: first.id } });
    expect(version.status).toBe("frozen");
    expect(version.frozenById).toBe(fx.members.owner.userId);
    expect((await prisma.knowledgeVersion.findUniqueOrThrow({ where: { id: fx.versionId } })).frozenAt).not.toBeNull();
    const events = await prisma.auditEvent.findMany({ where: { projectId: fx.projectId, targetId: first.id }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["dataset.freeze", "dataset.frozen"]));
  });

  it("keeps a frozen version immutable", async () => {
    expect((await callRoute(dataset.DELETE, "DELETE", { token: as("owner"), params: at(first.id) })).status).toBe(409);
    expect((await callRoute(freeze.POST, "POST", { token: as("owner"), params: at(first.id), body: {} })).status).toBe(409);
    const sample = await prisma.trainingSample.findFirstOrThrow({ where: { datasetVersionId: first.id } });
    const error = await prisma.trainingSample.update({ where: { id: sample.id }, data: { type: "definition_qa" } }).catch((e: unknown) => e);
    expect(isFrozenViolation(error)).toBe(true);
    expect(await prisma.trainingSample.count({ where: { datasetVersionId: first.id } })).toBe(BUDGET);
  });

  it("passes a clean version against an unrelated benchmark", async () => {
    const unrelated = await createBenchmark(prisma, {
      projectId: fx.projectId, knowledgeVersionId: fx.versionId, frozen: false,
      items: [{ question: "Which planet has the largest storm in the solar system?", options: ["Jupiter", "Mars", "Venus", "Mercury"] }],
    });
    const latest = await prisma.datasetVersion.findFirstOrThrow({ where: { projectId: fx.projectId, status: "ready" }, orderBy: { number: "desc" } });
    const report = await check(contamination.POST, latest.id, { benchmarkIds: [unrelated.id] });
    expect(report.status).toBe("passed");
    expect(report.hits).toEqual([]);
    expect(report.counts.items).toBe(1);
  });

  it("builds around frozen benchmark text, so the new version passes the guard", async () => {
    const v = await build({ knowledgeVersionId: fx.versionId, budget: BUDGET, seed: 7 });
    expect(v.recipe.forbiddenBenchmarkIds).toEqual([planted.id]);
    expect(v.stats.redraftedForForbidden + v.stats.droppedForForbidden).toBeGreaterThan(0);
    const keys = new Set((await samplesOf(v.id)).map((s) => s.key));
    expect(keys.has(exactKey)).toBe(false);
    const report = await check(contamination.POST, v.id, {});
    expect(report.benchmarkIds).toEqual([planted.id]);
    expect(report.status).toBe("passed");
  });
});

describe("with Redis down", () => {
  const realRedis = process.env.REDIS_URL;
  beforeAll(async () => {
    await closeProducer();
    process.env.REDIS_URL = "redis://127.0.0.1:1"; // nothing listens on port 1
  });
  afterAll(async () => {
    await closeProducer();
    // Assigning undefined would set the string "undefined".
    if (realRedis === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = realRedis;
  });

  it("answers 503 and keeps no half-made version or report", async () => {
    const where = { projectId: fx.projectId };
    const [versions, reports] = [await prisma.datasetVersion.count({ where }), await prisma.contaminationReport.count({ where })];
    const build = await callRoute(datasets.POST, "POST", { token: as("owner"), params: { projectId: fx.projectId }, body: { knowledgeVersionId: fx.versionId } });
    expect(build.status).toBe(503);
    const checkRes = await callRoute(contamination.POST, "POST", { token: as("owner"), params: at(first.id), body: {} });
    expect(checkRes.status).toBe(503);
    expect([await prisma.datasetVersion.count({ where }), await prisma.contaminationReport.count({ where })]).toEqual([versions, reports]);
  });
});
