// The graph overview on real PostgreSQL, Redis and a worker process: a layout job over the demo
// corpus's version → a payload that decodes (magic, counts, ids, finite positions), the same layout
// again after a re-run, overlay values for a dataset version and an evaluation inserted here, the
// path endpoint (a known shortest path, the hop cap), and who may see what (403/404, Redis down).
import { randomBytes } from "node:crypto";
import { getPrisma } from "@proda/db";
import { closeProducer, getQueue } from "@proda/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProjectWithRoles } from "../../../prisma/factories/projects.ts";
import { waitForJob } from "../../../prisma/factories/wait-for-job.ts";
import { startWorker, type WorkerProcess } from "../../worker/test/worker-process.ts";
import * as layouts from "../app/api/v1/projects/[projectId]/knowledge/versions/[versionId]/layouts/route.ts";
import * as data from "../app/api/v1/projects/[projectId]/knowledge/versions/[versionId]/layouts/[layoutId]/data/route.ts";
import * as overlay from "../app/api/v1/projects/[projectId]/knowledge/versions/[versionId]/overlay/route.ts";
import * as pathRoute from "../app/api/v1/projects/[projectId]/knowledge/versions/[versionId]/path/route.ts";
import * as conceptRoute from "../app/api/v1/projects/[projectId]/knowledge/versions/[versionId]/concepts/[conceptId]/route.ts";
import { decodeLayout } from "../src/features/graph/lib/decode-layout.ts";
import { LAYOUT_MAGIC } from "../src/lib/api-types.ts";
import { callRoute } from "./call-route.ts";
import { createKnowledgeProject } from "./fixtures/knowledge-project.ts";

const prisma = getPrisma();
process.env.PRODA_QUEUE_PREFIX = `test-${randomBytes(4).toString("hex")}`;
let worker: WorkerProcess;
let project: Awaited<ReturnType<typeof createKnowledgeProject>>;
let layoutId: string;

const get = (handler: Parameters<typeof callRoute>[0], query: Record<string, string>, params: Record<string, string>, token = project.token) =>
  handler(new Request(`http://localhost/x?${new URLSearchParams(query)}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params) });
const versionParams = () => ({ projectId: project.projectId, versionId: project.versionId });

async function layOut(body: object = {}) {
  const res = await callRoute(layouts.POST, "POST", { token: project.token, params: versionParams(), body });
  expect([200, 202]).toContain(res.status);
  if (res.body.layout.jobId) expect((await waitForJob(prisma, res.body.layout.jobId)).status).toBe("completed");
  return res.body.layout.id as string;
}

async function fetchPayload(id: string) {
  const res = await get(data.GET, {}, { ...versionParams(), layoutId: id });
  expect(res.status).toBe(200);
  return res;
}

beforeAll(async () => {
  worker = await startWorker({ PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX! });
  project = await createKnowledgeProject(prisma, ["owner", "viewer"]);
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await getQueue("cpu").obliterate({ force: true }).catch(() => {});
  await closeProducer();
});

describe("graph overview", () => {
  it("lays out the version and serves a payload that decodes", async () => {
    const first = await callRoute(layouts.POST, "POST", { token: project.token, params: versionParams(), body: {} });
    expect(first.status).toBe(202);
    expect(first.body.layout.status).toBe("building");
    expect((await waitForJob(prisma, first.body.layout.jobId)).status).toBe("completed");
    layoutId = first.body.layout.id;
    // Asking again returns the ready layout instead of queueing another.
    const again = await callRoute(layouts.POST, "POST", { token: project.token, params: versionParams(), body: {} });
    expect(again.status).toBe(200);
    expect(again.body.layout).toMatchObject({ id: layoutId, status: "ready", discipline: "*" });
    const list = await callRoute(layouts.GET, "GET", { token: project.token, params: versionParams() });
    expect(list.body.layouts.map((l: { id: string }) => l.id)).toEqual([layoutId]);
    expect(list.body.layouts[0].stats.iterations).toBeGreaterThan(0);

    const res = await fetchPayload(layoutId);
    expect(res.headers.get("cache-control")).toContain("immutable");
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    const buffer = await res.arrayBuffer();
    expect(new DataView(buffer).getUint32(0, true)).toBe(LAYOUT_MAGIC);
    const graph = decodeLayout(buffer);
    const concepts = await prisma.concept.findMany({ where: { versionId: project.versionId }, select: { id: true, term: true, type: true, degree: true } });
    expect(graph.nodeCount).toBe(concepts.length);
    expect(new Set(graph.conceptIds)).toEqual(new Set(concepts.map((c) => c.id)));
    for (const v of graph.positions) expect(Number.isFinite(v)).toBe(true);
    expect(graph.bounds.maxX).toBeGreaterThan(graph.bounds.minX);
    const byId = new Map(concepts.map((c) => [c.id, c]));
    graph.conceptIds.forEach((id, i) => {
      expect(graph.terms[i]).toBe(byId.get(id)!.term);
      expect(graph.typeNames[graph.types[i]!]).toBe(byId.get(id)!.type);
      expect(graph.degrees[i]).toBe(byId.get(id)!.degree);
    });
    // Every relation between two distinct concepts is one undirected edge of the layout.
    const relations = await prisma.relation.findMany({ where: { versionId: project.versionId }, select: { subjectId: true, objectId: true } });
    const pairs = new Set(relations.filter((r) => r.subjectId !== r.objectId).map((r) => [r.subjectId, r.objectId].sort().join("|")));
    expect(graph.edgeCount).toBe(pairs.size);
    for (let e = 0; e < graph.edgeCount; e++) {
      expect(pairs.has([graph.conceptIds[graph.edges[2 * e]!]!, graph.conceptIds[graph.edges[2 * e + 1]!]!].sort().join("|"))).toBe(true);
    }
    expect(graph.communityCount).toBeGreaterThan(0);
    // The browser may revalidate with the ETag and gets a 304.
    const etag = res.headers.get("etag")!;
    const cached = await data.GET(new Request("http://localhost/x", { headers: { authorization: `Bearer ${project.token}`, "if-none-match": etag } }), { params: Promise.resolve({ ...versionParams(), layoutId }) });
    expect(cached.status).toBe(304);
  });

  it("draws the same layout when it is computed again, and a discipline on its own", async () => {
    const before = new Uint8Array(await (await fetchPayload(layoutId)).arrayBuffer());
    await prisma.graphLayout.delete({ where: { id: layoutId } });
    layoutId = await layOut();
    const after = new Uint8Array(await (await fetchPayload(layoutId)).arrayBuffer());
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);

    const discipline = (await prisma.concept.findFirstOrThrow({ where: { versionId: project.versionId }, orderBy: { degree: "desc" } })).discipline;
    const own = decodeLayout(await (await fetchPayload(await layOut({ discipline }))).arrayBuffer());
    expect(own.nodeCount).toBe(await prisma.concept.count({ where: { versionId: project.versionId, discipline } }));
    const missing = await callRoute(layouts.POST, "POST", { token: project.token, params: versionParams(), body: { discipline: "no-such-discipline" } });
    expect(missing.status).toBe(404);
  });

  it("colours by the coverage of a dataset version and the failures of an evaluation", async () => {
    const graph = decodeLayout(await (await fetchPayload(layoutId)).arrayBuffer());
    const relations = await prisma.relation.findMany({ where: { versionId: project.versionId }, select: { id: true, subjectId: true, objectId: true }, orderBy: { id: "asc" } });
    const taught = relations.filter((_, i) => i % 3 === 0);
    const dataset = await prisma.datasetVersion.create({
      data: { projectId: project.projectId, number: 1, name: "overlay", knowledgeVersionId: project.versionId, recipe: {}, status: "ready" },
    });
    await prisma.trainingSample.createMany({
      data: taught.map((r, position) => ({
        datasetVersionId: dataset.id, position, key: `s${position}`, type: "relation", messages: [], meta: {}, discipline: "x", documentId: "d",
        conceptIds: [r.subjectId, r.objectId], relationIds: [r.id],
      })),
    });
    const coverage = await get(overlay.GET, { layoutId, kind: "coverage", datasetId: dataset.id }, versionParams());
    expect(coverage.status).toBe(200);
    const { values } = (await coverage.json()) as { values: number[] };
    expect(values).toHaveLength(graph.nodeCount);
    const taughtIds = new Set(taught.map((r) => r.id));
    graph.conceptIds.forEach((id, i) => {
      const touching = relations.filter((r) => r.subjectId === id || r.objectId === id);
      const expected = touching.length ? touching.filter((r) => taughtIds.has(r.id)).length / touching.length : 0;
      expect(values[i]).toBeCloseTo(expected, 3);
    });
    expect(values.some((v) => v > 0) && values.some((v) => v < 1)).toBe(true);

    // An evaluation over items testing concepts: the first concept fails 2 of 3 items, the second 0 of 1.
    const [a, b] = graph.conceptIds;
    const benchmark = await prisma.benchmark.create({
      data: { projectId: project.projectId, number: 1, name: "overlay", knowledgeVersionId: project.versionId, status: "ready", settings: {}, providerKind: "builtin", providerName: "test" },
    });
    const items = [[a], [a, b], [a]].map((conceptIds, position) => ({
      benchmarkId: benchmark.id, position, key: `i${position}`, kind: "mc", mode: "single", question: "?", options: [], answer: "A", chainId: "c",
      relationIds: [], conceptIds: conceptIds as string[], chunkIds: [], discipline: "x", chainLength: 2, level: 1, operators: [],
    }));
    await prisma.benchmarkItem.createMany({ data: items });
    const stored = await prisma.benchmarkItem.findMany({ where: { benchmarkId: benchmark.id }, orderBy: { position: "asc" } });
    const model = await prisma.registeredModel.create({ data: { projectId: project.projectId, name: "m", backend: "builtin-student", kind: "base" } });
    const evaluation = await prisma.evaluation.create({ data: { projectId: project.projectId, number: 1, benchmarkId: benchmark.id, modelId: model.id, settings: {}, status: "ready" } });
    await prisma.evaluationResult.createMany({
      data: stored.map((item, i) => ({ evaluationId: evaluation.id, itemId: item.id, raw: "A", method: "label", correct: i === 1, latencyMs: 1 })),
    });
    const failure = await get(overlay.GET, { layoutId, kind: "failure", evaluationId: evaluation.id }, versionParams());
    expect(failure.status).toBe(200);
    const failed = ((await failure.json()) as { values: number[] }).values;
    expect(failed[0]).toBeCloseTo(2 / 3, 3);
    expect(failed[1]).toBe(0);
    expect(failed.slice(2).every((v) => v === -1)).toBe(true);

    expect((await get(overlay.GET, { layoutId, kind: "failure", evaluationId: "nope" }, versionParams())).status).toBe(404);
    expect((await get(overlay.GET, { layoutId, kind: "coverage" }, versionParams())).status).toBe(400);
  });

  it("finds a shortest path and respects the hop cap", async () => {
    const relations = await prisma.relation.findMany({ where: { versionId: project.versionId }, select: { id: true, subjectId: true, objectId: true } });
    const adjacent = new Map<string, Set<string>>();
    for (const r of relations) {
      adjacent.set(r.subjectId, (adjacent.get(r.subjectId) ?? new Set()).add(r.objectId));
      adjacent.set(r.objectId, (adjacent.get(r.objectId) ?? new Set()).add(r.subjectId));
    }
    // The farthest concept from the best-connected one, by BFS here.
    const from = [...adjacent.keys()].sort((x, y) => adjacent.get(y)!.size - adjacent.get(x)!.size)[0]!;
    const distance = new Map([[from, 0]]);
    for (let queue = [from]; queue.length; ) {
      const next: string[] = [];
      for (const id of queue) for (const n of adjacent.get(id)!) if (!distance.has(n)) (distance.set(n, distance.get(id)! + 1), next.push(n));
      queue = next;
    }
    const [to, hops] = [...distance].filter(([, d]) => d <= 6).sort((x, y) => y[1] - x[1])[0]!;
    expect(hops).toBeGreaterThanOrEqual(2);

    const res = await get(pathRoute.GET, { from, to, maxHops: "6" }, versionParams());
    expect(res.status).toBe(200);
    const path = (await res.json()) as { nodes: { id: string }[]; edges: { id: string; source: string; target: string }[]; hops: number };
    expect(path.hops).toBe(hops);
    expect(path.nodes[0]!.id).toBe(from);
    expect(path.nodes.at(-1)!.id).toBe(to);
    path.edges.forEach((e, i) => expect([e.source, e.target].sort()).toEqual([path.nodes[i]!.id, path.nodes[i + 1]!.id].sort()));

    const capped = await (await get(pathRoute.GET, { from, to, maxHops: String(hops - 1) }, versionParams())).json();
    expect(capped).toEqual({ nodes: [], edges: [], hops: null });
    expect((await get(pathRoute.GET, { from, to: "nope" }, versionParams())).status).toBe(404);
    expect((await get(pathRoute.GET, { from, to, maxHops: "7" }, versionParams())).status).toBe(400);
  });

  it("lets members read, only engineers and owners lay out, and hides other projects' layouts", async () => {
    const viewer = project.members.viewer.token;
    expect((await callRoute(layouts.GET, "GET", { token: viewer, params: versionParams() })).status).toBe(200);
    expect((await get(data.GET, {}, { ...versionParams(), layoutId }, viewer)).status).toBe(200);
    expect((await callRoute(layouts.POST, "POST", { token: viewer, params: versionParams(), body: {} })).status).toBe(403);

    const other = await createProjectWithRoles(prisma, ["owner"]);
    const outsider = other.members.owner.token;
    expect((await get(data.GET, {}, { ...versionParams(), layoutId }, outsider)).status).toBe(404);
    // The other project's owner, through their own project id, still cannot reach this layout.
    const version = await prisma.knowledgeVersion.create({ data: { projectId: other.project.id, number: 1, status: "ready", providerKind: "builtin", providerName: "t" } });
    expect((await get(data.GET, {}, { projectId: other.project.id, versionId: version.id, layoutId }, outsider)).status).toBe(404);
    expect((await get(data.GET, {}, { projectId: other.project.id, versionId: project.versionId, layoutId }, outsider)).status).toBe(404);
    expect((await get(pathRoute.GET, { from: "a", to: "b" }, { projectId: other.project.id, versionId: project.versionId }, outsider)).status).toBe(404);
  });

  it("answers 503 with no layout row when Redis is down", async () => {
    const realRedis = process.env.REDIS_URL;
    await closeProducer();
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    try {
      const discipline = (await prisma.concept.findFirstOrThrow({ where: { versionId: project.versionId }, orderBy: { degree: "asc" } })).discipline;
      await prisma.graphLayout.deleteMany({ where: { versionId: project.versionId, discipline } });
      const res = await callRoute(layouts.POST, "POST", { token: project.token, params: versionParams(), body: { discipline } });
      expect(res.status).toBe(503);
      expect(await prisma.graphLayout.count({ where: { versionId: project.versionId, discipline } })).toBe(0);
    } finally {
      await closeProducer();
      if (realRedis === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = realRedis;
    }
  });

  it("names a renamed concept in the payload at once: the layouts name a new revision and the old one is not served", async () => {
    const revisionOf = async () => (await callRoute(layouts.GET, "GET", { token: project.token, params: versionParams() })).body.layouts.find((l: { id: string }) => l.id === layoutId).revision as string;
    const before = await revisionOf();
    const oldEtag = (await fetchPayload(layoutId)).headers.get("etag");
    const concept = await prisma.concept.findFirstOrThrow({ where: { versionId: project.versionId }, orderBy: { degree: "desc" } });
    const renamed = `${concept.term} (renamed)`;
    const res = await callRoute(conceptRoute.PATCH, "PATCH", { token: project.token, params: { ...versionParams(), conceptId: concept.id }, body: { term: renamed, type: "renamed-type" } });
    expect(res.status, res.text).toBe(200);

    expect(await revisionOf()).not.toBe(before);
    const fresh = await fetchPayload(layoutId);
    expect(fresh.headers.get("etag")).not.toBe(oldEtag);
    const graph = decodeLayout(await fresh.arrayBuffer());
    const at = graph.conceptIds.indexOf(concept.id);
    expect(graph.terms[at]).toBe(renamed);
    expect(graph.typeNames[graph.types[at]!]).toBe("renamed-type");
    // A browser holding the old payload revalidates and gets the new one, not a 304.
    const revalidated = await data.GET(new Request("http://localhost/x", { headers: { authorization: `Bearer ${project.token}`, "if-none-match": oldEtag! } }), { params: Promise.resolve({ ...versionParams(), layoutId }) });
    expect(revalidated.status).toBe(200);
  });
});
