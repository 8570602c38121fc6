// evaluation.run: a frozen benchmark against a registered model. Resumable by item: a new job over
// the same evaluation (after a cancel, a crash or a retry) asks only what is not stored yet. The
// evaluation row mirrors the outcome; once ready it is frozen and a duplicate job changes nothing.
import { AppError } from "@proda/core";
import type { TJobPayload } from "@proda/jobs";
import { ProviderRequestError } from "@proda/providers";
import { UnrecoverableError } from "bullmq";
import { JobCancelledError, type JobContext } from "../job-context.ts";
import { runEvaluation } from "../evaluation/run-evaluation.ts";

export async function runEvaluationJob(ctx: JobContext<TJobPayload<"evaluation.run">>) {
  const { prisma, payload } = ctx;
  const evaluation = await prisma.evaluation.findUnique({ where: { id: payload.evaluationId }, include: { model: true } });
  if (!evaluation) return { deleted: true };
  if (evaluation.projectId !== payload.projectId) throw new UnrecoverableError("The evaluation belongs to another project");
  if (evaluation.frozenAt) return { frozen: true };
  const benchmark = await prisma.benchmark.findUnique({ where: { id: evaluation.benchmarkId }, select: { frozenAt: true } });
  if (!benchmark?.frozenAt) throw new UnrecoverableError("Only a frozen benchmark can be evaluated");
  await prisma.evaluation.update({ where: { id: evaluation.id }, data: { status: "building", error: null, finishedAt: null, jobId: ctx.jobId } });
  try {
    return await runEvaluation(ctx, evaluation, evaluation.model);
  } catch (error) {
    const cancelled = error instanceof JobCancelledError;
    const message = error instanceof Error ? error.message : String(error);
    await prisma.evaluation.updateMany({
      where: { id: evaluation.id, frozenAt: null },
      data: { status: cancelled ? "cancelled" : "failed", error: cancelled ? null : message, finishedAt: new Date() },
    });
    // A bad key, an unknown model, a missing model file or provider will not fix themselves on retry.
    if (error instanceof ProviderRequestError || (error instanceof AppError && ["not_found", "conflict", "validation_failed"].includes(error.code))) {
      throw new UnrecoverableError(message);
    }
    throw error;
  }
}
