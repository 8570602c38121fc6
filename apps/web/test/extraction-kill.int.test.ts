// kill -9 a worker mid-extraction and start another: every chunk ends with exactly one stored
// result, a chunk whose result was stored before the kill is never sent to the endpoint again, and
// the knowledge version holds what an undisturbed run makes (the endpoint answers like the builtin
// extractor, so a builtin run on the same chunks is the reference).
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { getPrisma } from "@proda/db";
import { closeProducer, getQueue } from "@proda/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAiServer, type TFakeServer } from "../../../packages/providers/test/fake-openai-server.ts";
import { createProjectWithRoles } from "../../../prisma/factories/projects.ts";
import { waitForJob } from "../../../prisma/factories/wait-for-job.ts";
import { startWorker, type WorkerProcess } from "../../worker/test/worker-process.ts";
import * as documents from "../app/api/v1/projects/[projectId]/corpus/documents/route.ts";
import * as settings from "../app/api/v1/projects/[projectId]/corpus/settings/route.ts";
import * as providers from "../app/api/v1/projects/[projectId]/providers/route.ts";
import * as versions from "../app/api/v1/projects/[projectId]/knowledge/versions/route.ts";
import { callRoute } from "./call-route.ts";
import { demoCorpusFiles } from "./fixtures/knowledge-project.ts";
import { ECONOMICS, MICROBIOLOGY } from "./fixtures/prose.ts";

const prisma = getPrisma();
process.env.PRODA_QUEUE_PREFIX = `test-${randomBytes(4).toString("hex")}`;
// A short lock, so the second worker takes over the killed one's batches within seconds. A batch
// extracts its chunks one after another, so at most CONCURRENCY chunks are in flight at the kill.
const CONCURRENCY = 2;
const workerEnv = { PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX, WORKER_LOCK_MS: "1500", WORKER_CONCURRENCY: String(CONCURRENCY) };
/** Endpoint requests per chunk text. */
const requestsByChunk = new Map<string, number>();
let fake: TFakeServer;
let worker: WorkerProcess;
let projectId: string;
let token: string;

async function extract(body: Record<string, unknown>) {
  const res = await callRoute(versions.POST, "POST", { token, params: { projectId }, body });
  expect(res.status, res.text).toBe(202);
  return res.body.version as { id: string; jobId: string };
}

async function contents(versionId: string) {
  const [concepts, relations, chains] = await Promise.all([
    prisma.concept.findMany({ where: { versionId }, select: { key: true } }),
    prisma.relation.count({ where: { versionId } }),
    prisma.chain.count({ where: { versionId } }),
  ]);
  return { concepts: concepts.map((c) => c.key).sort(), relations, chains };
}

beforeAll(async () => {
  fake = await startFakeOpenAiServer({
    // Slow enough that the kill lands mid-run on a few dozen chunks.
    latencyMs: 300,
    faults: ({ chunkText }) => {
      if (chunkText !== null) requestsByChunk.set(chunkText, (requestsByChunk.get(chunkText) ?? 0) + 1);
      return "ok";
    },
  });
  const fixture = await createProjectWithRoles(prisma, ["owner"]);
  projectId = fixture.project.id;
  token = fixture.members.owner.token;
  worker = await startWorker(workerEnv);
  expect((await callRoute(settings.PUT, "PUT", { token, params: { projectId }, body: { chunkTokens: 64, overlapTokens: 0 } })).status).toBe(200);
  const form = new FormData();
  const files = [...demoCorpusFiles(), { name: "microbiology/growth.md", text: MICROBIOLOGY }, { name: "economics/markets.md", text: ECONOMICS }];
  for (const file of files) form.append("files", new Blob([file.text]), file.name);
  const upload = await documents.POST(
    new Request("http://localhost/x?process=true", { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({ projectId }) },
  );
  expect((await waitForJob(prisma, ((await upload.json()) as { jobId: string }).jobId, 120_000)).status).toBe("completed");
  const created = await callRoute(providers.POST, "POST", {
    token, params: { projectId }, body: { name: "endpoint", kind: "openai-compatible", baseUrl: fake.baseUrl, model: "fake-model", secret: "sk-test-kill" },
  });
  expect(created.status, created.text).toBe(201);
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await fake?.close();
  await getQueue("cpu").obliterate({ force: true }).catch(() => {});
  await closeProducer();
});

describe("a worker killed mid-extraction", () => {
  it("leaves every chunk processed exactly once after another worker takes over", async () => {
    const chunks = await prisma.chunk.findMany({ where: { projectId, keep: true }, select: { id: true, text: true } });
    expect(chunks.length).toBeGreaterThanOrEqual(15);
    const endpoint = await prisma.providerConfig.findFirstOrThrow({ where: { projectId, name: "endpoint" } });
    const version = await extract({ providerId: endpoint.id });

    // Kill once about a third of the chunks are stored.
    let storedBefore: string[] = [];
    for (const deadline = Date.now() + 60_000; storedBefore.length < chunks.length / 3; await sleep(20)) {
      if (Date.now() > deadline) throw new Error(`extraction did not progress:\n${worker.output()}`);
      storedBefore = (await prisma.knowledgeChunkResult.findMany({ where: { versionId: version.id }, select: { chunkId: true } })).map((r) => r.chunkId);
    }
    await worker.stop("SIGKILL");
    storedBefore = (await prisma.knowledgeChunkResult.findMany({ where: { versionId: version.id }, select: { chunkId: true } })).map((r) => r.chunkId);
    expect(storedBefore.length).toBeLessThan(chunks.length);

    worker = await startWorker(workerEnv);
    expect((await waitForJob(prisma, version.jobId, 120_000)).status).toBe("completed");
    const row = await prisma.knowledgeVersion.findUniqueOrThrow({ where: { id: version.id } });
    expect(row.status).toBe("ready");
    expect(row.chunksDone).toBe(chunks.length);
    expect(row.chunksRejected).toBe(0);

    const results = await prisma.knowledgeChunkResult.groupBy({ by: ["chunkId"], where: { versionId: version.id }, _count: true });
    expect(results.length).toBe(chunks.length);
    expect(results.every((r) => r._count === 1)).toBe(true);
    const textOf = new Map(chunks.map((c) => [c.id, c.text]));
    for (const chunkId of storedBefore) expect(requestsByChunk.get(textOf.get(chunkId)!), `chunk ${chunkId} stored before the kill`).toBe(1);
    // Only a chunk in flight at the kill is done again: asked again if its answer had not come, or
    // answered from the LLM cache if it had (but was not stored). Redoing stored chunks would show
    // here as cache hits even where the endpoint is not asked twice.
    for (const { id, text } of chunks) expect(requestsByChunk.get(text) ?? 0, `chunk ${id}`).toBeGreaterThanOrEqual(1);
    const repeated = chunks.filter((c) => (requestsByChunk.get(c.text) ?? 0) > 1);
    expect(repeated.every((c) => requestsByChunk.get(c.text) === 2)).toBe(true);
    expect(repeated.length + row.cachedCalls).toBeLessThanOrEqual(CONCURRENCY);

    // The same knowledge as a builtin run over the same chunks, undisturbed.
    const builtin = await prisma.providerConfig.findFirstOrThrow({ where: { projectId, kind: "builtin" } });
    const reference = await extract({ providerId: builtin.id });
    expect((await waitForJob(prisma, reference.jobId, 120_000)).status).toBe("completed");
    expect(await contents(version.id)).toEqual(await contents(reference.id));
  }, 300_000);
});
