// Starting an evaluation: a frozen benchmark (a moving target scores nothing) against a model that
// can be asked — the builtin student, or any model with an OpenAI-compatible provider. The row and
// its job are made together: if the queue refuses (Redis down → 503) the row is removed again.
import { AppError } from "@proda/core";
import type { Evaluation, PrismaClient } from "@proda/db";
import { enqueueJob } from "@proda/jobs";
import { loadProviderSettings, ZEvaluationSettings } from "@proda/providers";
import { z } from "zod";

export const ZEvaluationRequest = z.object({
  benchmarkId: z.string().min(1).max(64),
  modelId: z.string().min(1).max(64),
  // prefault: the inner defaults apply to an omitted object too.
  settings: ZEvaluationSettings.prefault({}),
});
export type TEvaluationRequest = z.infer<typeof ZEvaluationRequest>;

export async function startEvaluation(prisma: PrismaClient, projectId: string, userId: string, request: TEvaluationRequest): Promise<Evaluation> {
  const [benchmark, model] = await Promise.all([
    prisma.benchmark.findFirst({ where: { id: request.benchmarkId, projectId } }),
    prisma.registeredModel.findFirst({ where: { id: request.modelId, projectId } }),
  ]);
  if (!benchmark) throw new AppError("not_found", "Benchmark not found");
  if (!model) throw new AppError("not_found", "Model not found");
  if (!benchmark.frozenAt) throw new AppError("conflict", `Benchmark ${benchmark.number} is not frozen; freeze it first so every model is measured on the same items.`);
  if (model.backend !== "builtin-student") {
    if (!model.providerId) throw new AppError("conflict", `Model "${model.name}" (${model.backend}) has no endpoint to ask; serve it through an OpenAI-compatible endpoint and register that.`);
    // Fails now (404, undecryptable key) rather than in the worker.
    await loadProviderSettings(prisma, projectId, model.providerId);
  }
  const itemsTotal = await prisma.benchmarkItem.count({ where: { benchmarkId: benchmark.id, review: { not: "rejected" } } });
  const last = await prisma.evaluation.aggregate({ where: { projectId }, _max: { number: true } });
  const evaluation = await prisma.evaluation.create({
    data: {
      projectId, number: (last._max.number ?? 0) + 1, benchmarkId: benchmark.id, modelId: model.id, createdById: userId,
      settings: request.settings, itemsTotal: request.settings.limit ? Math.min(itemsTotal, request.settings.limit) : itemsTotal,
    },
  });
  try {
    const job = await enqueueJob(prisma, "evaluation.run", { projectId, evaluationId: evaluation.id }, { projectId, createdById: userId });
    return await prisma.evaluation.update({ where: { id: evaluation.id }, data: { jobId: job.id } });
  } catch (error) {
    // No evaluation without a job to run it.
    await prisma.evaluation.delete({ where: { id: evaluation.id } }).catch(() => {});
    throw error;
  }
}
