// Knowledge extraction end to end on real PostgreSQL, Redis and a worker process, with the offline
// builtin provider: corpus → run → version with concepts, relations and chains whose provenance
// holds (quotes verbatim in their chunk, every concept reachable from a chain, chain steps connected),
// a re-run of the jobs adds nothing, and the graph API answers from it.
import { randomBytes } from "node:crypto";
import { getPrisma } from "@proda/db";
import { closeProducer, getQueue } from "@proda/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProjectWithRoles } from "../../../prisma/factories/projects.ts";
import { waitForJob } from "../../../prisma/factories/wait-for-job.ts";
import { startWorker, type WorkerProcess } from "../../worker/test/worker-process.ts";
import * as documents from "../app/api/v1/projects/[projectId]/corpus/documents/route.ts";
import * as versions from "../app/api/v1/projects/[projectId]/knowledge/versions/route.ts";
import * as estimate from "../app/api/v1/projects/[projectId]/knowledge/estimate/route.ts";
import * as concepts from "../app/api/v1/projects/[projectId]/knowledge/versions/[versionId]/concepts/route.ts";
import * as concept from "../app/api/v1/projects/[projectId]/knowledge/versions/[versionId]/concepts/[conceptId]/route.ts";
import * as neighbourhood from "../app/api/v1/projects/[projectId]/knowledge/versions/[versionId]/concepts/[conceptId]/neighbourhood/route.ts";
import * as chains from "../app/api/v1/projects/[projectId]/knowledge/versions/[versionId]/chains/route.ts";
import * as chain from "../app/api/v1/projects/[projectId]/knowledge/versions/[versionId]/chains/[chainId]/route.ts";
import * as exportRoute from "../app/api/v1/projects/[projectId]/knowledge/versions/[versionId]/export/route.ts";
import { callRoute } from "./call-route.ts";
import { ECONOMICS, MICROBIOLOGY } from "./fixtures/prose.ts";

const prisma = getPrisma();
process.env.PRODA_QUEUE_PREFIX = `test-${randomBytes(4).toString("hex")}`;
let worker: WorkerProcess;
let projectId: string;
let token: string;
let versionId: string;

beforeAll(async () => {
  const fixture = await createProjectWithRoles(prisma, ["owner", "expert"]);
  projectId = fixture.project.id;
  token = fixture.members.owner.token;
  worker = await startWorker({ PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX! });
  const form = new FormData();
  form.append("files", new Blob([MICROBIOLOGY]), "microbiology/growth.md");
  form.append("files", new Blob([ECONOMICS]), "economics/markets.md");
  const upload = await documents.POST(
    new Request("http://localhost/api/v1/upload?process=true", { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({ projectId }) },
  );
  const { jobId } = (await upload.json()) as { jobId: string };
  expect((await waitForJob(prisma, jobId)).status).toBe("completed");
});

afterAll(async () => {
  await worker?.stop();
  await getQueue("cpu").obliterate({ force: true }).catch(() => {});
  await closeProducer();
});

const params = () => ({ projectId, versionId });

describe("knowledge extraction (builtin)", () => {
  it("estimates a builtin run as free", async () => {
    const res = await callRoute(estimate.POST, "POST", { token, params: { projectId }, body: {} });
    expect(res.status).toBe(200);
    expect(res.body.provider.kind).toBe("builtin");
    expect(res.body.chunks).toBeGreaterThan(0);
    expect(res.body.costUsd).toBe(0);
  });

  it("builds a ready version with provenance that holds", async () => {
    const res = await callRoute(versions.POST, "POST", { token, params: { projectId }, body: {} });
    expect(res.status).toBe(202);
    versionId = res.body.version.id;
    expect(res.body.version.number).toBe(1);
    expect((await waitForJob(prisma, res.body.version.jobId)).status).toBe("completed");

    const version = await prisma.knowledgeVersion.findUniqueOrThrow({ where: { id: versionId } });
    expect(version.status).toBe("ready");
    expect(version.chunksDone).toBe(version.chunksTotal);
    const [cs, rs, chs] = await Promise.all([
      prisma.concept.findMany({ where: { versionId } }),
      prisma.relation.findMany({ where: { versionId } }),
      prisma.chain.findMany({ where: { versionId } }),
    ]);
    expect(chs.length).toBeGreaterThanOrEqual(2);
    const chunkText = new Map((await prisma.chunk.findMany({ where: { projectId } })).map((c) => [c.id, c.text]));
    const termOf = new Map(cs.map((c) => [c.id, c]));
    // Every relation's quote is a real span of its chunk and mentions both of its concepts.
    for (const r of rs) {
      const quote = chunkText.get(r.chunkId)!.slice(r.quoteStart, r.quoteEnd).toLowerCase();
      expect(quote.length).toBeGreaterThan(0);
      for (const id of [r.subjectId, r.objectId]) {
        const c = termOf.get(id)!;
        expect([c.term, ...c.aliases].some((t) => quote.includes(t.toLowerCase().split(" ")[0]!))).toBe(true);
      }
    }
    // Every concept is reachable from a chain (top-down), and chain steps are connected.
    const relationById = new Map(rs.map((r) => [r.id, r]));
    const reached = new Set<string>();
    for (const ch of chs) {
      const steps = ch.steps as { relationId: string }[];
      expect(steps.length).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < steps.length; i++) {
        const r = relationById.get(steps[i]!.relationId)!;
        reached.add(r.subjectId).add(r.objectId);
        if (i > 0) {
          const p = relationById.get(steps[i - 1]!.relationId)!;
          expect([p.subjectId, p.objectId].some((id) => id === r.subjectId || id === r.objectId)).toBe(true);
        }
      }
    }
    for (const c of cs) expect(reached.has(c.id), `${c.term} not reachable from a chain`).toBe(true);
    const report = version.report as { total: { concepts: number; chains: number }; verifiedQuoteShare: number };
    expect(report.total.concepts).toBe(cs.length);
    expect(report.total.chains).toBe(chs.length);
  });

  it("adds no rows when its jobs run again", async () => {
    const count = async () => [
      await prisma.concept.count({ where: { versionId } }),
      await prisma.relation.count({ where: { versionId } }),
      await prisma.chain.count({ where: { versionId } }),
      await prisma.knowledgeChunkResult.count({ where: { versionId } }),
    ];
    const before = await count();
    const version = await prisma.knowledgeVersion.findUniqueOrThrow({ where: { id: versionId } });
    const batch = await prisma.job.findFirstOrThrow({ where: { parentId: version.jobId, kind: "knowledge.extractChunks" } });
    const { enqueueJob } = await import("@proda/jobs");
    const again = await enqueueJob(prisma, "knowledge.extractChunks", batch.payload as never, { projectId });
    expect((await waitForJob(prisma, again.id)).status).toBe("completed");
    await prisma.knowledgeVersion.update({ where: { id: versionId }, data: { status: "canonicalising" } });
    const finalize = await enqueueJob(prisma, "knowledge.finalize", { projectId, versionId }, { projectId });
    expect((await waitForJob(prisma, finalize.id)).status).toBe("completed");
    expect(await count()).toEqual(before);
  });

  it("answers concept search, detail, neighbourhoods and chain detail", async () => {
    const top = await callRoute(concepts.GET, "GET", { token, params: params() });
    expect(top.status).toBe(200);
    const first = top.body.items[0];
    const search = await concepts.GET(new Request(`http://localhost/x?q=${encodeURIComponent(first.term.slice(0, 4))}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params()) });
    const searchBody = await search.json();
    expect(searchBody.items.map((c: { id: string }) => c.id)).toContain(first.id);

    const detail = await callRoute(concept.GET, "GET", { token, params: { ...params(), conceptId: first.id } });
    expect(detail.status).toBe(200);
    const relations = [...detail.body.outgoing, ...detail.body.incoming];
    expect(relations.length).toBeGreaterThan(0);
    for (const r of relations) expect(r.quote.text.length).toBeGreaterThan(0);

    const hood = await callRoute(neighbourhood.GET, "GET", { token, params: { ...params(), conceptId: first.id } });
    expect(hood.body.nodes.find((n: { id: string; hop: number }) => n.id === first.id).hop).toBe(0);
    expect(hood.body.edges.length).toBe(relations.length);
    const neighbours = new Set(relations.flatMap((r: { subject: { id: string }; object: { id: string } }) => [r.subject.id, r.object.id]));
    neighbours.delete(first.id);
    for (const n of hood.body.nodes) if (n.id !== first.id) expect(n.hop).toBe(1);
    expect(hood.body.nodes.length).toBe(neighbours.size + 1);
    const two = await neighbourhood.GET(
      new Request("http://localhost/x?hops=2", { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ ...params(), conceptId: first.id }) },
    );
    for (const n of (await two.json()).nodes) {
      expect(n.hop).toBe(n.id === first.id ? 0 : neighbours.has(n.id) ? 1 : 2);
    }

    const list = await callRoute(chains.GET, "GET", { token, params: params() });
    const detailChain = await callRoute(chain.GET, "GET", { token, params: { ...params(), chainId: list.body.items[0].id } });
    expect(detailChain.status).toBe(200);
    for (const step of detailChain.body.steps) {
      expect(detailChain.body.chunk.text.slice(step.relation.quote.start, step.relation.quote.end)).toBe(step.relation.quote.text);
    }
  });

  it("exports the graph as JSON, GraphML and Neo4j CSV", async () => {
    const get = async (format: string) => {
      const res = await exportRoute.GET(new Request(`http://localhost/x?format=${format}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params()) });
      expect(res.status).toBe(200);
      return res.text();
    };
    const json = JSON.parse(await get("json"));
    expect(json.concepts.length).toBe(await prisma.concept.count({ where: { versionId } }));
    expect(json.relations.length).toBe(await prisma.relation.count({ where: { versionId } }));
    const graphml = await get("graphml");
    expect(graphml.match(/<node /g)?.length).toBe(json.concepts.length);
    expect(graphml.trim().endsWith("</graphml>")).toBe(true);
    const nodes = (await get("neo4j-nodes")).trim().split("\n");
    expect(nodes[0]).toMatch(/^conceptId:ID,/);
    expect(nodes.length).toBe(json.concepts.length + 1);
    const rels = (await get("neo4j-relationships")).trim().split("\n");
    expect(rels.length).toBe(json.relations.length + 1);
  });

  it("refuses a second run while one is building, and runs again once ready", async () => {
    const second = await callRoute(versions.POST, "POST", { token, params: { projectId }, body: {} });
    expect(second.status).toBe(202);
    const third = await callRoute(versions.POST, "POST", { token, params: { projectId }, body: {} });
    expect(third.status).toBe(409);
    expect((await waitForJob(prisma, second.body.version.jobId)).status).toBe("completed");
    const again = await prisma.knowledgeVersion.findUniqueOrThrow({ where: { id: second.body.version.id } });
    expect(again.number).toBe(2);
    // Same inputs, deterministic provider: the same graph.
    expect(await prisma.concept.count({ where: { versionId: again.id } })).toBe(await prisma.concept.count({ where: { versionId } }));
  });
});
