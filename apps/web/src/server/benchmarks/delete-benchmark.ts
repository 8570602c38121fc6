// Deleting a benchmark: never a frozen one (the trigger would refuse it too), and not while its job
// may still write items — cancel the job first, so nothing is left half-deleted.
import { AppError } from "@proda/core";
import type { Benchmark, PrismaClient } from "@proda/db";
import { isJobAlive } from "@proda/jobs";
import { audit } from "@proda/pipeline";

export async function deleteBenchmark(prisma: PrismaClient, benchmark: Benchmark, userId: string): Promise<void> {
  if (benchmark.frozenAt) throw new AppError("conflict", `Benchmark ${benchmark.number} is frozen and cannot be deleted.`);
  const job = benchmark.jobId ? await prisma.job.findUnique({ where: { id: benchmark.jobId } }) : null;
  if (job && (await isJobAlive(prisma, job))) {
    throw new AppError("conflict", `Benchmark ${benchmark.number} is still being generated; cancel its job first.`, { jobId: job.id });
  }
  await prisma.benchmark.delete({ where: { id: benchmark.id } });
  await audit({ actorId: userId, projectId: benchmark.projectId, action: "benchmark.delete", targetType: "benchmark", targetId: benchmark.id, detail: { number: benchmark.number, name: benchmark.name } });
}
