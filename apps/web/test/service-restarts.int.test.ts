// Outages rehearsed on a private PostgreSQL cluster and a private redis-server (never the machine's
// shared ones), with the real worker process and the route handlers in-process. A knowledge
// extraction through a slow loopback LLM endpoint is in flight when PostgreSQL restarts, and again
// when Redis restarts: meanwhile the API answers 503 quickly (not 500, never a hang); afterwards the
// run completes with every chunk extracted exactly once and the same graph as an undisturbed run, the
// same worker process carries on, and the API works again.
import { setTimeout as sleep } from "node:timers/promises";
import { disconnectPrisma, getPrisma, type PrismaClient } from "@proda/db";
import { closeProducer, getQueue } from "@proda/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAiServer, type TFakeServer } from "../../../packages/providers/test/fake-openai-server.ts";
import { createProjectWithRoles } from "../../../prisma/factories/projects.ts";
import { startPrivatePostgres, startPrivateRedis, type PrivatePostgres, type PrivateRedis } from "../../worker/test/private-services.ts";
import { startWorker, type WorkerProcess } from "../../worker/test/worker-process.ts";
import * as documents from "../app/api/v1/projects/[projectId]/corpus/documents/route.ts";
import * as settings from "../app/api/v1/projects/[projectId]/corpus/settings/route.ts";
import * as providers from "../app/api/v1/projects/[projectId]/providers/route.ts";
import * as versions from "../app/api/v1/projects/[projectId]/knowledge/versions/route.ts";
import * as recompute from "../app/api/v1/projects/[projectId]/stats/recompute/route.ts";
import * as health from "../app/api/v1/health/route.ts";
import { callRoute } from "./call-route.ts";
import { demoCorpusFiles } from "./fixtures/knowledge-project.ts";

/** Per LLM request: the demo corpus in small chunks (19) takes about 3 s to extract. */
const LLM_LATENCY_MS = 150;
/** Longer than a job's whole retry budget (3 attempts: 2 s + 4 s backoff): workers must wait it out. */
const PG_OUTAGE_MS = 7000;
/** Workers wait for Redis for ever; a restart of a few seconds is what a deployment sees. */
const REDIS_OUTAGE_MS = 3000;
/** A request during an outage must be answered well within this. */
const ANSWER_WITHIN_MS = 5000;
const TERMINAL = ["completed", "failed", "cancelled"];

const sharedEnv = { DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL };
let pg: PrivatePostgres;
let redis: PrivateRedis;
let fake: TFakeServer;
let worker: WorkerProcess;
let prisma: PrismaClient;
let projectId: string;
let token: string;
let baseline: Awaited<ReturnType<typeof countVersion>>;

/** Polls `read` until `done`; errors count as "not yet" (the service being read may be down). */
async function waitFor<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (done(last as T)) return last as T;
    } catch (error) {
      last = error;
    }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
}

async function timedRoute(...args: Parameters<typeof callRoute>) {
  const started = performance.now();
  const res = await callRoute(...args);
  expect(performance.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
  return res;
}

/** What an extraction left behind; two runs over the same chunks must agree on all of it. */
async function countVersion(versionId: string) {
  const version = await prisma.knowledgeVersion.findUniqueOrThrow({ where: { id: versionId } });
  const results = await prisma.knowledgeChunkResult.findMany({ where: { versionId }, select: { chunkId: true } });
  return {
    status: version.status,
    chunksTotal: version.chunksTotal,
    // A chunk counted twice (a batch re-run that did not skip what it had stored) shows up here.
    chunksDone: version.chunksDone,
    chunksRejected: version.chunksRejected,
    results: results.length,
    distinctChunks: new Set(results.map((r) => r.chunkId)).size,
    concepts: await prisma.concept.count({ where: { versionId } }),
    relations: await prisma.relation.count({ where: { versionId } }),
    chains: await prisma.chain.count({ where: { versionId } }),
  };
}

/** Starts an extraction with an empty LLM cache, so every chunk waits on the (slow) endpoint. */
async function startRun() {
  await prisma.llmCache.deleteMany({});
  const res = await callRoute(versions.POST, "POST", { token, params: { projectId }, body: {} });
  expect(res.status).toBe(202);
  return { versionId: res.body.version.id as string, jobId: res.body.version.jobId as string };
}

async function waitForJob(jobId: string, timeoutMs?: number) {
  return waitFor(`job ${jobId}`, () => prisma.job.findUniqueOrThrow({ where: { id: jobId } }), (j) => TERMINAL.includes(j.status), timeoutMs);
}

/** Waits until a fifth of the chunks are done, so the outage falls mid-run. */
async function waitForPartialProgress(versionId: string) {
  const v = await waitFor("partial progress", () => prisma.knowledgeVersion.findUniqueOrThrow({ where: { id: versionId } }), (v) => v.chunksDone >= v.chunksTotal / 5);
  expect(v.chunksDone).toBeLessThan(v.chunksTotal);
}

function expectSameWorker() {
  expect(worker.child.exitCode).toBeNull();
  expect(worker.child.signalCode).toBeNull();
  expect(worker.output().match(/"worker ready"/g)).toHaveLength(1);
}

/** Health back to 200 with the worker's heartbeat, reads work, and new work is queued and done. */
async function expectApiWorks(versionId: string) {
  const ok = await waitFor("health 200", () => callRoute(health.GET, "GET"), (r) => r.status === 200, 20_000);
  expect(ok.body.workers.count).toBe(1);
  const list = await callRoute(versions.GET, "GET", { token, params: { projectId } });
  expect(list.status).toBe(200);
  expect(list.body.versions.find((v: { id: string }) => v.id === versionId)?.status).toBe("ready");
  const queued = await callRoute(recompute.POST, "POST", { token, params: { projectId } });
  expect(queued.status).toBe(202);
  expect((await waitForJob(queued.body.job.id, 20_000)).status).toBe("completed");
}

beforeAll(async () => {
  // One after the other, so afterAll can clean up whichever started if the other did not.
  pg = await startPrivatePostgres();
  redis = await startPrivateRedis();
  // Drop any client made on the shared services: the next getPrisma() / getQueue() connect here.
  await disconnectPrisma();
  await closeProducer();
  process.env.DATABASE_URL = pg.url;
  process.env.REDIS_URL = redis.url;
  prisma = getPrisma();
  fake = await startFakeOpenAiServer({ latencyMs: LLM_LATENCY_MS });
  worker = await startWorker({ DATABASE_URL: pg.url, REDIS_URL: redis.url, PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX! });

  const fixture = await createProjectWithRoles(prisma, ["owner"]);
  projectId = fixture.project.id;
  token = fixture.members.owner.token;
  // Small chunks, so a run is many small steps and an outage falls between two of them.
  expect((await callRoute(settings.PUT, "PUT", { token, params: { projectId }, body: { chunkTokens: 64, overlapTokens: 0 } })).status).toBe(200);
  const form = new FormData();
  for (const file of demoCorpusFiles()) form.append("files", new Blob([file.text]), file.name);
  const upload = await documents.POST(
    new Request("http://localhost/x?process=true", { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({ projectId }) },
  );
  expect(upload.status).toBe(201);
  expect((await waitForJob(((await upload.json()) as { jobId: string }).jobId)).status).toBe("completed");
  const provider = await callRoute(providers.POST, "POST", {
    token, params: { projectId },
    body: { name: "slow-llm", kind: "openai-compatible", baseUrl: fake.baseUrl, model: "fake-model", secret: "sk-test", isDefault: true, timeoutSeconds: 10 },
  });
  expect(provider.status).toBe(201);

  // The undisturbed run the disturbed ones must match.
  const run = await startRun();
  expect((await waitForJob(run.jobId)).status).toBe("completed");
  baseline = await countVersion(run.versionId);
  expect(baseline).toMatchObject({ status: "ready", chunksDone: baseline.chunksTotal, results: baseline.chunksTotal });
  expect(baseline.chunksTotal).toBeGreaterThanOrEqual(15);
  expect(baseline.relations).toBeGreaterThan(0);
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await closeProducer();
  await disconnectPrisma();
  await fake?.close();
  await Promise.all([pg?.destroy(), redis?.destroy()]);
  for (const [key, value] of Object.entries(sharedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}, 60_000);

describe("service restarts mid-run", () => {
  it("PostgreSQL restarts: the API answers 503 meanwhile, then the run completes exactly once", async () => {
    const run = await startRun();
    await waitForPartialProgress(run.versionId);
    await pg.stop();
    const downAt = Date.now();

    const down = await timedRoute(health.GET, "GET");
    expect(down.status).toBe(503);
    expect(down.body.database.ok).toBe(false);
    expect(down.body.redis.ok).toBe(true);
    const read = await timedRoute(versions.GET, "GET", { token, params: { projectId } });
    expect(read.status).toBe(503);
    expect(read.body.error).toEqual({ code: "service_unavailable", message: expect.stringMatching(/database is unavailable/i) });
    expect(read.response.headers.get("retry-after")).toBe("5");
    const write = await timedRoute(recompute.POST, "POST", { token, params: { projectId } });
    expect(write.status).toBe(503);

    await sleep(PG_OUTAGE_MS - (Date.now() - downAt));
    await pg.start();

    expect((await waitForJob(run.jobId)).status).toBe("completed");
    expect(await countVersion(run.versionId)).toEqual(baseline);
    // The outage really hit the run: its batch was put back to wait for the database, without
    // spending any of its attempts, and its second start finished the work.
    const batches = await prisma.job.findMany({ where: { parentId: run.jobId } });
    expect(batches.map((b) => b.status)).toEqual(batches.map(() => "completed"));
    for (const batch of batches) {
      expect(worker.output()).toContain(`"msg":"database unavailable; job put back","jobId":"${batch.id}"`);
      expect((await getQueue("cpu").getJob(batch.id))?.attemptsMade).toBe(1); // the one that finished
      expect(batch.attempts).toBe(2);
    }
    expectSameWorker();
    await expectApiWorks(run.versionId);
  }, 60_000);

  it("Redis restarts: enqueues answer 503 meanwhile and leave nothing, then the run completes exactly once", async () => {
    const run = await startRun();
    await waitForPartialProgress(run.versionId);
    const recomputeJobs = () => prisma.job.count({ where: { projectId, kind: "project.recomputeStats" } });
    const jobsBefore = await recomputeJobs();
    await redis.stop();
    const downAt = Date.now();

    const down = await timedRoute(health.GET, "GET");
    expect(down.status).toBe(503);
    expect(down.body.redis.ok).toBe(false);
    expect(down.body.database.ok).toBe(true);
    const enqueue = await timedRoute(recompute.POST, "POST", { token, params: { projectId } });
    expect(enqueue.status).toBe(503);
    expect(enqueue.body.error.message).toMatch(/queue \(Redis\) is unavailable/i);
    expect(await recomputeJobs()).toBe(jobsBefore);
    const read = await timedRoute(versions.GET, "GET", { token, params: { projectId } });
    expect(read.status).toBe(200); // reads need PostgreSQL only

    await sleep(REDIS_OUTAGE_MS - (Date.now() - downAt));
    // Only Redis can release the run's final job: it cannot have finished during the outage.
    expect((await prisma.job.findUniqueOrThrow({ where: { id: run.jobId } })).status).not.toBe("completed");
    await redis.start();

    expect((await waitForJob(run.jobId)).status).toBe("completed");
    expect(await countVersion(run.versionId)).toEqual(baseline);
    const batches = await prisma.job.findMany({ where: { parentId: run.jobId } });
    expect(batches.map((b) => b.status)).toEqual(batches.map(() => "completed"));
    expectSameWorker();
    await expectApiWorks(run.versionId);
  }, 60_000);
});
