// The loop moves by a chain of loop.advance jobs, one at a time, each naming the next. Their ids
// are derived from the loop and a step number (loop-<loopId>-<n>), so enqueuing the same step twice
// — a retried or redelivered advance — finds the Job row and the BullMQ job already there and adds
// nothing.
import type { Job as JobRow, PrismaClient } from "@proda/db";
import { enqueueJob, isJobAlive } from "@proda/jobs";

const PREFIX = "loop-";

export const advanceJobId = (loopId: string, step: number) => `${PREFIX}${loopId}-${step}`;

/** The id after `jobId` in its loop's chain (the first when there is none yet). */
export function nextAdvanceJobId(loopId: string, jobId: string | null): string {
  const prefix = `${PREFIX}${loopId}-`;
  const step = jobId?.startsWith(prefix) ? Number(jobId.slice(prefix.length)) : 0;
  return advanceJobId(loopId, (Number.isInteger(step) ? step : 0) + 1);
}

export interface TAdvanceTarget {
  id: string;
  projectId: string;
  createdById: string | null;
}

/**
 * Adds step `jobId` of the loop's chain: its Job row, then `beforeQueue` (the caller names the job
 * on the loop there, so the job never runs before the loop expects it), then the BullMQ job.
 */
export async function enqueueAdvance(
  prisma: PrismaClient, loop: TAdvanceTarget, jobId: string, delayMs = 0, beforeQueue?: () => Promise<unknown>,
): Promise<JobRow> {
  return enqueueJob(prisma, "loop.advance", { projectId: loop.projectId, loopId: loop.id }, {
    projectId: loop.projectId, createdById: loop.createdById ?? undefined, jobId, delayMs, beforeQueue,
  });
}

/**
 * Whether the loop's current advance job is waiting or running. A row younger than a minute counts
 * as alive without asking Redis: it may be between its Job row and its BullMQ add (isJobAlive would
 * mark it lost), and no step is delayed by more than a few seconds.
 */
export async function isAdvanceAlive(prisma: PrismaClient, jobId: string | null): Promise<boolean> {
  const job = jobId ? await prisma.job.findUnique({ where: { id: jobId } }) : null;
  if (!job || (job.status !== "queued" && job.status !== "running")) return false;
  if (Date.now() - job.createdAt.getTime() < 60_000) return true;
  return isJobAlive(prisma, job);
}
