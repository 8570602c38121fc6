// The lifecycle every job goes through, whatever its kind: parse the payload at the consumer,
// mirror the status into the Job row, run the processor, record the outcome. A payload that does
// not parse, or an unknown kind, fails at once without retries (UnrecoverableError). A job that
// finds PostgreSQL unreachable waits for it without spending an attempt.
import { errorFields } from "@proda/core/server";
import { isDatabaseUnavailable, type Prisma, type PrismaClient } from "@proda/db";
import { isJobKind, jobCatalog, TERMINAL_STATUSES } from "@proda/jobs";
import { DelayedError, UnrecoverableError, type Job as BullJob } from "bullmq";
import { createJobContext, JobCancelledError, type WorkerDeps } from "./job-context.ts";
import { log } from "./log.ts";
import { processors } from "./registry.ts";

const isTerminal = (status: string) => (TERMINAL_STATUSES as readonly string[]).includes(status);

async function finish(prisma: PrismaClient, id: string, data: Prisma.JobUpdateManyMutationInput) {
  // Guarded so a duplicate delivery can never complete (or fail) a job twice.
  await prisma.job.updateMany({ where: { id, status: { notIn: [...TERMINAL_STATUSES] } }, data: { ...data, finishedAt: new Date() } });
}

/** How long a job put back during a database outage waits before it tries again. */
const DATABASE_WAIT_MS = 2000;

export function createJobRunner(deps: WorkerDeps) {
  const runOnce = createAttempt(deps);
  return async function runJob(job: BullJob, token?: string): Promise<unknown> {
    try {
      return await runOnce(job);
    } catch (error) {
      // A restart or failover of PostgreSQL outlasts the retry budget (3 attempts, 6 s), and a job
      // failed then could not even record it: put the job back unspent (processors resume).
      if (!token || !isDatabaseUnavailable(error)) throw error;
      const reason = error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error);
      log.warn({ jobId: job.id, kind: job.name, retryInMs: DATABASE_WAIT_MS, err: reason }, "database unavailable; job put back");
      await job.moveToDelayed(Date.now() + DATABASE_WAIT_MS, token);
      throw new DelayedError();
    }
  };
}

function createAttempt(deps: WorkerDeps) {
  const { prisma } = deps;
  return async function runAttempt(job: BullJob): Promise<unknown> {
    const id = job.id!;
    if (!isJobKind(job.name)) {
      log.warn({ jobId: id, kind: job.name }, "dropping job of unknown kind");
      await finish(prisma, id, { status: "failed", error: `Unknown job kind ${job.name}` });
      throw new UnrecoverableError(`Unknown job kind ${job.name}`);
    }
    const parsed = jobCatalog[job.name].schema.safeParse(job.data);
    if (!parsed.success) {
      await finish(prisma, id, { status: "failed", error: `Invalid payload: ${parsed.error.message}` });
      throw new UnrecoverableError(`Invalid payload for ${job.name}`);
    }
    const row = await prisma.job.findUnique({ where: { id } });
    if (!row) throw new UnrecoverableError(`Job row ${id} no longer exists (its project was deleted?)`);
    if (isTerminal(row.status)) return row.result;
    if (row.cancelRequested) {
      await finish(prisma, id, { status: "cancelled", message: "Cancelled before it started" });
      return null;
    }

    await prisma.job.update({
      where: { id },
      data: { status: "running", startedAt: row.startedAt ?? new Date(), attempts: { increment: 1 }, error: null },
    });
    log.info({ jobId: id, kind: job.name, attempt: job.attemptsMade + 1 }, "job started");
    const ctx = createJobContext(deps, id, parsed.data);
    try {
      const result = await (processors[job.name] as (c: typeof ctx) => Promise<unknown>)(ctx);
      await finish(prisma, id, { status: "completed", progress: 1, result: (result ?? null) as Prisma.InputJsonValue });
      log.info({ jobId: id, kind: job.name }, "job completed");
      return result;
    } catch (error) {
      if (error instanceof JobCancelledError) {
        await finish(prisma, id, { status: "cancelled", message: "Cancelled on request" });
        log.info({ jobId: id, kind: job.name }, "job cancelled");
        return null;
      }
      if (isDatabaseUnavailable(error)) throw error; // nothing can be recorded; runJob puts the job back
      const message = error instanceof Error ? error.message : String(error);
      const lastAttempt = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (lastAttempt) await finish(prisma, id, { status: "failed", error: message });
      else await prisma.job.update({ where: { id }, data: { status: "queued", error: `Attempt ${job.attemptsMade + 1} failed: ${message}; retrying` } });
      log.error({ jobId: id, kind: job.name, lastAttempt, ...errorFields(error) }, "job failed");
      throw error;
    }
  };
}

/** BullMQ fails a job without calling us when it stalled too often (its workers kept dying). */
export async function recordFailure(prisma: PrismaClient, job: BullJob | undefined, error: Error): Promise<void> {
  if (!job?.id) return;
  const willRetry = job.attemptsMade < (job.opts.attempts ?? 1) && !(error instanceof UnrecoverableError);
  if (!willRetry) await finish(prisma, job.id, { status: "failed", error: error.message });
}
