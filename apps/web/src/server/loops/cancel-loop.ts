// Cancels a loop: the row first (every write of the runner is guarded on the loop being active, so
// from here on no stage starts), then its pending advance job and the jobs of the current stage.
// A stage artifact the runner starts in the same instant sees the cancel when it records it, and
// cancels its own job.
import { AppError } from "@proda/core";
import type { LoopRun, PrismaClient } from "@proda/db";
import { cancelJob } from "@proda/jobs";
import { closeEntry, readStageArtifacts, readTimeline, type TLoopArtifacts, type TLoopStage } from "@proda/pipeline";
import { withLockedLoop } from "./lock-loop.ts";

/** Cancels a job that may already have ended: that is not an error here. */
async function stopJob(prisma: PrismaClient, jobId: string | null): Promise<void> {
  if (!jobId) return;
  await cancelJob(prisma, jobId).catch((error: unknown) => {
    if (!(error instanceof AppError && (error.code === "conflict" || error.code === "not_found"))) throw error;
  });
}

export async function cancelLoop(prisma: PrismaClient, loopId: string): Promise<{ loop: LoopRun; cancelledJobs: string[] }> {
  const loop = await withLockedLoop(prisma, loopId, async (tx, loop) => {
    if (loop.status !== "queued" && loop.status !== "running") throw new AppError("conflict", `Loop ${loop.number} is already ${loop.status}.`);
    const now = new Date();
    const timeline = closeEntry(readTimeline(loop.timeline), loop.stage as TLoopStage, "cancelled", "Cancelled on request", now);
    return tx.loopRun.update({ where: { id: loop.id }, data: { status: "cancelled", finishedAt: now, timeline: timeline as object[] } });
  });
  await stopJob(prisma, loop.jobId);
  const running = (await readStageArtifacts(prisma, loop.stage as TLoopStage, loop.artifacts as TLoopArtifacts)).filter((a) => a.state === "running" && a.jobId);
  for (const artifact of running) await stopJob(prisma, artifact.jobId);
  return { loop, cancelledJobs: running.map((a) => a.jobId!) };
}
