// Whether one of these rows still has a job that is waiting or running. A row whose job Redis lost
// is not trusted (isJobAlive marks that job failed), so a crash never blocks new runs for ever.
import type { PrismaClient } from "@proda/db";
import { isJobAlive } from "@proda/jobs";

export async function findLive<T extends { jobId: string | null }>(prisma: PrismaClient, rows: T[]): Promise<T | undefined> {
  const jobs = await prisma.job.findMany({ where: { id: { in: rows.flatMap((r) => (r.jobId ? [r.jobId] : [])) } } });
  for (const job of jobs) if (await isJobAlive(prisma, job)) return rows.find((r) => r.jobId === job.id);
  return undefined;
}
