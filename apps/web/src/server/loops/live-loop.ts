// One loop at a time per project: the loop's stages would refuse each other's builds anyway (one
// dataset build at a time) and its figures would mix. A loop whose job is gone no longer counts as
// running: it is marked failed with the reason, and resume continues it.
import { AppError } from "@proda/core";
import type { PrismaClient } from "@proda/db";
import { isAdvanceAlive } from "@proda/pipeline";

export const LOST_LOOP_ERROR = "The loop's job was lost (its worker or Redis went away); resume the loop.";

export async function assertNoLiveLoop(prisma: PrismaClient, projectId: string, exceptId?: string): Promise<void> {
  const active = await prisma.loopRun.findMany({ where: { projectId, status: { in: ["queued", "running"] }, ...(exceptId ? { id: { not: exceptId } } : {}) } });
  for (const loop of active) {
    if (await isAdvanceAlive(prisma, loop.jobId)) {
      throw new AppError("conflict", `Loop ${loop.number} of this project is still running; wait for it or cancel it.`, { loopId: loop.id });
    }
    const job = loop.jobId ? await prisma.job.findUnique({ where: { id: loop.jobId }, select: { error: true } }) : null;
    await prisma.loopRun.updateMany({
      where: { id: loop.id, status: loop.status, jobId: loop.jobId },
      data: { status: "failed", error: job?.error ?? LOST_LOOP_ERROR, finishedAt: new Date() },
    });
  }
}
