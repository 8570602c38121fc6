// LoopRun rows → TLoopDto. A loop still marked active whose advance job ended for good (retries used
// up, or lost from Redis) is reported as failed with the job's reason; resume picks it up again.
import { AppError } from "@proda/core";
import type { LoopRun, PrismaClient } from "@proda/db";
import { readTimeline } from "@proda/pipeline";
import type { TLoopDto, TLoopStage } from "@/lib/api-types";

export async function findLoop(prisma: PrismaClient, projectId: string, loopId: string | undefined): Promise<LoopRun> {
  const loop = loopId ? await prisma.loopRun.findFirst({ where: { id: loopId, projectId } }) : null;
  if (!loop) throw new AppError("not_found", "Loop not found");
  return loop;
}

const ids = (json: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries((json ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"));

export async function loadLoopDtos(prisma: PrismaClient, loops: LoopRun[]): Promise<TLoopDto[]> {
  const active = loops.filter((l) => (l.status === "queued" || l.status === "running") && l.jobId);
  const jobs = await prisma.job.findMany({ where: { id: { in: active.map((l) => l.jobId!) } }, select: { id: true, status: true, error: true } });
  const jobOf = new Map(jobs.map((j) => [j.id, j]));
  return loops.map((l) => {
    const job = l.jobId ? jobOf.get(l.jobId) : undefined;
    const lost = (l.status === "queued" || l.status === "running") && job && (job.status === "failed" || job.status === "cancelled");
    return {
      id: l.id,
      number: l.number,
      status: lost ? "failed" : l.status,
      stage: l.stage as TLoopStage,
      settings: l.settings as Record<string, unknown>,
      artifacts: ids(l.artifacts),
      timeline: readTimeline(l.timeline),
      jobId: l.jobId,
      error: l.error ?? (lost ? `The loop's job ${job.status}: ${job.error ?? "no reason recorded"}; resume the loop.` : null),
      createdAt: l.createdAt.toISOString(),
      finishedAt: l.finishedAt?.toISOString() ?? null,
    };
  });
}
