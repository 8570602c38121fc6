// Cancel: a job still waiting is removed from its queue and marked cancelled at once; a running job
// gets cancelRequested, which its processor checks between units of work.
import type { Job as JobRow, PrismaClient } from "@proda/db";
import { AppError, notFound } from "@proda/core";
import { isJobKind, jobCatalog } from "./catalog.ts";
import { withQueueDeadline } from "./errors.ts";
import { getQueue } from "./queues.ts";

export async function cancelJob(prisma: PrismaClient, jobId: string): Promise<JobRow> {
  const row = await prisma.job.findUnique({ where: { id: jobId } });
  if (!row) throw notFound("Job");
  if (row.status !== "queued" && row.status !== "running") {
    throw new AppError("conflict", `The job is already ${row.status}`);
  }
  await prisma.job.update({ where: { id: jobId }, data: { cancelRequested: true } });
  if (!isJobKind(row.kind)) return prisma.job.findUniqueOrThrow({ where: { id: jobId } });
  // If Redis is unreachable this throws a 503; the flag is set all the same and a worker honours it.
  const removed = await withQueueDeadline(async () => {
    const queued = await getQueue(jobCatalog[row.kind as keyof typeof jobCatalog].queue).getJob(jobId);
    const state = queued ? await queued.getState() : "unknown";
    if (!queued) return true; // gone from Redis (e.g. removed with its flow parent): nothing will run it
    if (!["waiting", "delayed", "prioritized", "waiting-children"].includes(state)) return false;
    await queued.remove();
    return true;
  });
  if (removed) {
    await prisma.job.updateMany({
      where: { id: jobId, status: "queued" },
      data: { status: "cancelled", finishedAt: new Date(), message: "Cancelled before it started" },
    });
  }
  // A flow's children are cancelled with it.
  const children = await prisma.job.findMany({ where: { parentId: jobId, status: { in: ["queued", "running"] } }, select: { id: true } });
  for (const child of children) await cancelJob(prisma, child.id).catch(() => {});
  return prisma.job.findUniqueOrThrow({ where: { id: jobId } });
}
