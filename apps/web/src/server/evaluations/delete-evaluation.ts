// Deleting an evaluation: never a finished (frozen) one — the trigger would refuse it too — and not
// while its job may still write results: cancel first, so nothing is left half-deleted.
import { AppError } from "@proda/core";
import type { Evaluation, PrismaClient } from "@proda/db";
import { isJobAlive } from "@proda/jobs";
import { audit } from "@proda/pipeline";

export async function deleteEvaluation(prisma: PrismaClient, evaluation: Evaluation, userId: string): Promise<void> {
  if (evaluation.frozenAt) throw new AppError("conflict", `Evaluation ${evaluation.number} is finished and frozen; it cannot be deleted.`);
  const job = evaluation.jobId ? await prisma.job.findUnique({ where: { id: evaluation.jobId } }) : null;
  if (job && (await isJobAlive(prisma, job))) {
    throw new AppError("conflict", `Evaluation ${evaluation.number} is still running; cancel its job first.`, { jobId: job.id });
  }
  await prisma.evaluation.delete({ where: { id: evaluation.id } });
  await audit({
    actorId: userId, projectId: evaluation.projectId, action: "evaluation.delete", targetType: "evaluation", targetId: evaluation.id,
    detail: { number: evaluation.number, benchmarkId: evaluation.benchmarkId, modelId: evaluation.modelId, itemsDone: evaluation.itemsDone },
  });
}
