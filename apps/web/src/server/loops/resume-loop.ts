// Resumes a failed or cancelled loop (or one whose job was lost) from its current stage: what that
// stage made and finished is kept; what failed or was cancelled is forgotten so the runner starts
// it again (both of a pair made together, like V2 and its control). Earlier stages are not redone.
import { AppError } from "@proda/core";
import type { LoopRun, PrismaClient } from "@proda/db";
import {
  enqueueAdvance, isAdvanceAlive, nextAdvanceJobId, openEntry, readStageArtifacts, readTimeline, type TLoopArtifacts, type TLoopStage,
} from "@proda/pipeline";
import { assertNoLiveLoop } from "./live-loop.ts";
import { withLockedLoop } from "./lock-loop.ts";

/** Artifact keys made by one starter call: forgetting one of them forgets the others. */
const MADE_TOGETHER = [["v2Id", "controlId"]];

async function keptArtifacts(prisma: PrismaClient, loop: LoopRun): Promise<{ artifacts: TLoopArtifacts; forgotten: string[] }> {
  const artifacts = { ...(loop.artifacts as TLoopArtifacts) };
  const failed = new Set((await readStageArtifacts(prisma, loop.stage as TLoopStage, artifacts)).filter((a) => a.state === "failed").map((a) => a.key));
  for (const group of MADE_TOGETHER) if (group.some((k) => failed.has(k))) group.forEach((k) => failed.add(k));
  for (const key of failed) delete artifacts[key];
  return { artifacts, forgotten: [...failed] };
}

export async function resumeLoop(prisma: PrismaClient, loopId: string): Promise<LoopRun> {
  const before = await prisma.loopRun.findUniqueOrThrow({ where: { id: loopId } });
  if (before.status === "succeeded") throw new AppError("conflict", `Loop ${before.number} has finished; start a new one.`);
  if ((before.status === "queued" || before.status === "running") && (await isAdvanceAlive(prisma, before.jobId))) {
    throw new AppError("conflict", `Loop ${before.number} is still running.`);
  }
  await assertNoLiveLoop(prisma, before.projectId, before.id);
  const { artifacts, forgotten } = await keptArtifacts(prisma, before);
  const jobId = nextAdvanceJobId(before.id, before.jobId);
  let resumed: LoopRun | null = null;
  try {
    // The loop names the job before it is queued (the hook), so the job never finds the loop still stopped.
    await enqueueAdvance(prisma, before, jobId, 0, async () => {
      resumed = await withLockedLoop(prisma, loopId, async (tx, loop) => {
        if (loop.status !== before.status || loop.jobId !== before.jobId) throw new AppError("conflict", `Loop ${loop.number} changed meanwhile; reload and try again.`);
        const was = loop.status === "running" || loop.status === "queued" ? "its job was lost" : loop.status;
        const message = `Resumed after ${was}${forgotten.length ? `; starting ${forgotten.join(", ")} again` : ""}`;
        const timeline = openEntry(readTimeline(loop.timeline), loop.stage as TLoopStage, new Date(), message);
        return tx.loopRun.update({ where: { id: loop.id }, data: { status: "running", error: null, finishedAt: null, artifacts, timeline: timeline as object[], jobId } });
      });
    });
  } catch (error) {
    // Queuing refused (Redis down → 503) after the loop was rewritten: put it back as it was.
    if (resumed) {
      await prisma.loopRun.updateMany({
        where: { id: loopId, jobId },
        data: { status: before.status, error: before.error, finishedAt: before.finishedAt, artifacts: before.artifacts as object, timeline: before.timeline as object[], jobId: before.jobId },
      });
    }
    throw error;
  }
  return resumed!;
}
