// Cancel: a job still waiting is removed from its queue and marked cancelled at once; a running job
// gets cancelRequested, which its processor checks between units of work.
import type { Job as JobRow, PrismaClient } from "@proda/db";
import { AppError, notFound } from "@proda/core";
import { isJobKind, jobCatalog } from "./catalog.ts";
import { queueUnavailable } from "./errors.ts";
import { getQueue } from "./queues.ts";

export async function cancelJob(prisma: PrismaClient, jobId: string): Promise<JobRow> {
  const row = await prisma.job.findUnique({ where: { id: jobId } });
  if (!row) throw notFound("Job");
  if (row.status !== "queued" && row.status !== "running") {
    throw new AppError("conflict", `The job is already ${row.status}`);
  }
  await prisma.job.update({ where: { id: jobId }, data: { cancelRequested: true } });
  if (!isJobKind(row.kind)) return prisma.job.findUniqueOrThrow({ where: { id: jobId } });
  try {
    const queued = await getQueue(jobCatalog[row.kind].queue).getJob(jobId);
    const state = queued ? await queued.getState() : "unknown";
    if (queued && (state === "waiting" || state === "delayed" || state === "prioritized")) {
      await queued.remove();
      await prisma.job.updateMany({
        where: { id: jobId, status: "queued" },
        data: { status: "cancelled", finishedAt: new Date(), message: "Cancelled before it started" },
      });
    }
  } catch (error) {
    // The flag is set; the worker will honour it. Still tell the caller the queue is unreachable.
    throw queueUnavailable(error);
  }
  return prisma.job.findUniqueOrThrow({ where: { id: jobId } });
}
