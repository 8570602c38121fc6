// The job system end to end on real PostgreSQL and Redis, with the real worker process:
// enqueue → progress → completed; cancel while running; cancel while queued; worker killed with
// SIGKILL mid-job and restarted → the job completes, once.
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { getPrisma, type Job } from "@proda/db";
import { cancelJob, closeProducer, createWorkerConnection, enqueueJob, getQueue, isJobAlive, LOST_JOB_ERROR, queuePrefix, UNRECORDED_JOB_ERROR } from "@proda/jobs";
import { Worker } from "bullmq";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createProjectWithRoles } from "../../../prisma/factories/projects.ts";
import { startWorker, type WorkerProcess } from "./worker-process.ts";

const prisma = getPrisma();
// A queue prefix of our own: no other test file (or a running studio) sees these jobs.
process.env.PRODA_QUEUE_PREFIX = `test-${randomBytes(4).toString("hex")}`;
const workerEnv = {
  PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX,
  WORKER_LOCK_MS: "1500",
  PRODA_STATS_STEP_PAUSE_MS: "700",
};

let projectId: string;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  ({ project: { id: projectId } } = await createProjectWithRoles(prisma, ["owner"]));
});

afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

afterAll(async () => {
  await getQueue("cpu").obliterate({ force: true }).catch(() => {});
  await closeProducer();
});

/** Polls the Job row, recording every distinct state seen, until `done` says stop. */
async function watch(id: string, done: (job: Job) => boolean, timeoutMs = 30_000) {
  const seen: Job[] = [];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const job = await prisma.job.findUniqueOrThrow({ where: { id } });
    const last = seen[seen.length - 1];
    if (!last || last.status !== job.status || last.progress !== job.progress) seen.push(job);
    if (done(job)) return seen;
    await sleep(50);
  }
  throw new Error(`job ${id} stuck: ${JSON.stringify(seen.at(-1))}`);
}

describe("job lifecycle", () => {
  it("runs a job to completion, reporting progress on the way", async () => {
    worker = await startWorker(workerEnv);
    const job = await enqueueJob(prisma, "project.recomputeStats", { projectId }, { projectId });
    expect(job.status).toBe("queued");
    const seen = await watch(job.id, (j) => j.status === "completed");
    const partial = seen.filter((j) => j.status === "running" && j.progress > 0 && j.progress < 1);
    expect(partial.length).toBeGreaterThan(0);
    const final = seen.at(-1)!;
    expect(final.progress).toBe(1);
    expect(final.doneCount).toBe(4);
    expect(final.finishedAt).not.toBeNull();
    const stats = await prisma.projectStats.findUniqueOrThrow({ where: { projectId } });
    expect(stats.computedBy).toBe(job.id);
    expect(stats.members).toBe(1);
  });

  it("cancels a running job between units of work", async () => {
    worker = await startWorker(workerEnv);
    const job = await enqueueJob(prisma, "project.recomputeStats", { projectId }, { projectId });
    await watch(job.id, (j) => j.status === "running");
    await cancelJob(prisma, job.id);
    const final = (await watch(job.id, (j) => j.status !== "running" && j.status !== "queued")).at(-1)!;
    expect(final.status).toBe("cancelled");
    expect(final.progress).toBeLessThan(1);
    const stats = await prisma.projectStats.findUnique({ where: { projectId } });
    expect(stats?.computedBy).not.toBe(job.id);
  });

  it("cancels a queued job at once and removes it from the queue", async () => {
    const job = await enqueueJob(prisma, "project.recomputeStats", { projectId }, { projectId });
    const cancelled = await cancelJob(prisma, job.id);
    expect(cancelled.status).toBe("cancelled");
    expect(await getQueue("cpu").getJob(job.id)).toBeUndefined();
    await expect(cancelJob(prisma, job.id)).rejects.toThrow(/already cancelled/);
  });

  it("finishes a job exactly once after its worker is killed mid-way and another starts", async () => {
    worker = await startWorker(workerEnv);
    const job = await enqueueJob(prisma, "project.recomputeStats", { projectId }, { projectId });
    await watch(job.id, (j) => j.status === "running" && j.progress > 0);
    await worker.stop("SIGKILL");
    const during = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(during.status).toBe("running");

    worker = await startWorker(workerEnv);
    const final = (await watch(job.id, (j) => j.status === "completed" || j.status === "failed", 45_000)).at(-1)!;
    expect(final.status).toBe("completed");
    expect(final.attempts).toBe(2);
    const stats = await prisma.projectStats.findUniqueOrThrow({ where: { projectId } });
    expect(stats.computedBy).toBe(job.id);
    // The restarted run's log shows it started once and completed once.
    expect(worker.output().match(/"job completed"/g)).toHaveLength(1);
  });

  it("fails a job with an invalid payload without retrying it", async () => {
    worker = await startWorker(workerEnv);
    const row = await prisma.job.create({ data: { kind: "project.recomputeStats", queue: "cpu", payload: {}, projectId } });
    await getQueue("cpu").add("project.recomputeStats", { projectId: 42 }, { jobId: row.id, attempts: 3 });
    const final = (await watch(row.id, (j) => j.status === "failed")).at(-1)!;
    expect(final.error).toMatch(/Invalid payload/);
    const queue = getQueue("cpu");
    while ((await queue.getJobState(row.id)) !== "failed") await sleep(50);
    await sleep(500); // long enough for a retry to have started, were there one
    expect(await queue.getJobState(row.id)).toBe("failed");
    expect((await queue.getJob(row.id))?.attemptsMade).toBe(1);
  });

  it("enqueues a job with a fixed id once, however often it is asked, and delays it", async () => {
    const jobId = `fixed-${randomBytes(4).toString("hex")}`;
    let named = 0;
    const first = await enqueueJob(prisma, "project.recomputeStats", { projectId }, { projectId, jobId, delayMs: 60_000, beforeQueue: async () => named++ });
    const again = await enqueueJob(prisma, "project.recomputeStats", { projectId }, { projectId, jobId, delayMs: 60_000 });
    expect([first.id, again.id]).toEqual([jobId, jobId]);
    expect(named).toBe(1);
    expect(await prisma.job.count({ where: { id: jobId } })).toBe(1);
    expect(await getQueue("cpu").getJobState(jobId)).toBe("delayed");
    expect(await getQueue("cpu").getDelayedCount()).toBe(1);
    await cancelJob(prisma, jobId);
  });

  it("marks a row whose job Redis has lost as failed, so the work can start again", async () => {
    const job = await enqueueJob(prisma, "project.recomputeStats", { projectId }, { projectId });
    expect(await isJobAlive(prisma, job)).toBe(true);
    await getQueue("cpu").obliterate({ force: true }); // what a Redis restart without persistence does
    expect(await isJobAlive(prisma, job)).toBe(false);
    const row = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: "failed", error: LOST_JOB_ERROR });
  });

  it("fails a row still marked running whose job the queue already failed (the outcome was never recorded)", async () => {
    const job = await enqueueJob(prisma, "project.recomputeStats", { projectId }, { projectId });
    await prisma.job.update({ where: { id: job.id }, data: { status: "running" } });
    // A worker that fails the job in the queue without writing the row (as a database outage did).
    const connection = createWorkerConnection();
    const failing = new Worker("cpu", async () => { throw new Error("row never written"); }, { connection, prefix: queuePrefix() });
    try {
      while ((await getQueue("cpu").getJobState(job.id)) !== "failed") await sleep(50);
    } finally {
      await failing.close();
      connection.disconnect();
    }
    expect(await isJobAlive(prisma, await prisma.job.findUniqueOrThrow({ where: { id: job.id } }))).toBe(false);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "failed", error: UNRECORDED_JOB_ERROR });
  });
});
