// benchmark.generate: the Tester over a benchmark's knowledge version. Resumable: items already
// stored are skipped by key, new ones are written as they finish. The benchmark row mirrors the
// outcome (ready / failed / cancelled); a retry sets it back to building.
import { AppError } from "@proda/core";
import type { TJobPayload } from "@proda/jobs";
import { ProviderRequestError } from "@proda/providers";
import { UnrecoverableError } from "bullmq";
import { JobCancelledError, type JobContext } from "../job-context.ts";
import { runTester } from "../tester/run-tester.ts";

export async function generateBenchmark(ctx: JobContext<TJobPayload<"benchmark.generate">>) {
  const { prisma, payload } = ctx;
  const benchmark = await prisma.benchmark.findUnique({ where: { id: payload.benchmarkId } });
  if (!benchmark) return { deleted: true };
  if (benchmark.projectId !== payload.projectId) throw new UnrecoverableError("The benchmark belongs to another project");
  if (benchmark.frozenAt) return { frozen: true };
  // A ready benchmark is re-run as it is (a duplicate job adds nothing); it never goes back to building.
  const wasReady = benchmark.status === "ready";
  if (!wasReady) await prisma.benchmark.update({ where: { id: benchmark.id }, data: { status: "building", error: null } });
  try {
    return await runTester(ctx, benchmark);
  } catch (error) {
    if (!wasReady) {
      const cancelled = error instanceof JobCancelledError;
      const message = error instanceof Error ? error.message : String(error);
      await prisma.benchmark.updateMany({
        where: { id: benchmark.id, frozenAt: null },
        data: { status: cancelled ? "cancelled" : "failed", error: cancelled ? null : message, finishedAt: new Date() },
      });
    }
    // A bad key, an unknown model or a deleted provider will not fix themselves on retry.
    if (error instanceof ProviderRequestError || (error instanceof AppError && error.code === "not_found")) throw new UnrecoverableError(error.message);
    throw error;
  }
}
