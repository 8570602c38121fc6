// Starts a loop run: the row with its parsed settings, and the first loop.advance job of its chain.
// Both happen under a per-project lock inside one transaction, so two clicks cannot start two loops
// and a refused enqueue (Redis down → 503) leaves no row behind.
import { AppError } from "@proda/core";
import type { LoopRun, PrismaClient } from "@proda/db";
import { enqueueAdvance, nextAdvanceJobId, ZLoopSettings } from "@proda/pipeline";
import { z } from "zod";
import { assertNoLiveLoop } from "./live-loop.ts";

export const ZLoopRequest = z.object({ settings: ZLoopSettings.prefault({}) });
export type TLoopRequest = z.infer<typeof ZLoopRequest>;

export async function startLoop(prisma: PrismaClient, projectId: string, userId: string, { settings }: TLoopRequest): Promise<LoopRun> {
  if (settings.knowledgeVersionId) {
    const version = await prisma.knowledgeVersion.findFirst({ where: { id: settings.knowledgeVersionId, projectId }, select: { number: true, status: true } });
    if (!version) throw new AppError("not_found", "Knowledge version not found");
    if (version.status !== "ready") throw new AppError("conflict", `Knowledge version ${version.number} is ${version.status}; the loop needs a ready version.`);
  }
  await assertNoLiveLoop(prisma, projectId);
  return prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`loop:${projectId}`}))::text`;
      const running = await tx.loopRun.findFirst({ where: { projectId, status: { in: ["queued", "running"] } }, select: { id: true, number: true } });
      if (running) throw new AppError("conflict", `Loop ${running.number} of this project is still running; wait for it or cancel it.`, { loopId: running.id });
      const last = await tx.loopRun.aggregate({ where: { projectId }, _max: { number: true } });
      const loop = await tx.loopRun.create({ data: { projectId, number: (last._max.number ?? 0) + 1, stage: "extract", settings: settings as object, createdById: userId } });
      const jobId = nextAdvanceJobId(loop.id, null);
      // The job may be picked up before this transaction commits: it then finds no loop and retries.
      await enqueueAdvance(prisma, loop, jobId, 500);
      return tx.loopRun.update({ where: { id: loop.id }, data: { jobId } });
    },
    { timeout: 15_000 },
  );
}
