// A Job row that says queued/running while Redis no longer has the job (Redis restarted without
// persistence, or its data was flushed), or holds it as finished (the worker could not record the
// outcome), would block new runs for ever. Checking before trusting such a row turns it into a
// failed job with the reason, so the work can be started again.
import type { Job as JobRow, PrismaClient } from "@proda/db";
import { isJobKind, jobCatalog } from "./catalog.ts";
import { withQueueDeadline } from "./errors.ts";
import { getQueue } from "./queues.ts";

export const LOST_JOB_ERROR = "The job was lost from the queue (Redis restarted without persistence?); start it again.";
export const UNRECORDED_JOB_ERROR = "The job ended in the queue but its outcome was never recorded; start it again.";

/** True when the row's job is really waiting or running; otherwise the row is marked failed. */
export async function isJobAlive(prisma: PrismaClient, row: JobRow): Promise<boolean> {
  if (row.status !== "queued" && row.status !== "running") return false;
  if (!isJobKind(row.kind)) return false;
  const job = await withQueueDeadline(() => getQueue(jobCatalog[row.kind as keyof typeof jobCatalog].queue).getJob(row.id));
  const state = job ? await withQueueDeadline(() => job.getState()) : null;
  if (state !== null && state !== "completed" && state !== "failed") return true;
  // The worker records the outcome in the row before the queue marks the job finished, so a
  // finished job under a live row means that write never happened.
  const error = state === null ? LOST_JOB_ERROR : UNRECORDED_JOB_ERROR;
  await prisma.job.updateMany({
    where: { id: row.id, status: { in: ["queued", "running"] } },
    data: { status: "failed", error, finishedAt: new Date() },
  });
  await prisma.job.updateMany({
    where: { parentId: row.id, status: { in: ["queued", "running"] } },
    data: { status: "failed", error, finishedAt: new Date() },
  });
  return false;
}
