// Starts diagnosing a finished evaluation: coverage evidence is measured against the evaluated
// model's training data (its dataset version; none for a base model, which was taught nothing), then
// the judge. External sets test no knowledge nodes, so their failures cannot be traced and are
// refused. The run row and its job are made together: Redis down → 503 and no row left behind.
import { AppError } from "@proda/core";
import type { DiagnosisRun, PrismaClient } from "@proda/db";
import { enqueueJob } from "@proda/jobs";
import { loadProviderSettings } from "@proda/providers";
import { z } from "zod";
import { findEvaluation } from "../evaluations/find-evaluation.ts";
import { findLive } from "../datasets/live-job.ts";

export const ZDiagnoseRequest = z.object({
  /** "builtin" (structural evidence alone) or the id of an OpenAI-compatible provider. */
  judge: z.string().min(1).max(64).default("builtin"),
  /** A node taught fewer times than this counts as weakly taught. */
  minSamples: z.number().int().min(1).max(1000).default(2),
  /** A judge verdict below this confidence abstains. */
  abstainBelow: z.number().min(0).max(1).default(0.5),
});
export type TDiagnoseRequest = z.infer<typeof ZDiagnoseRequest>;

async function resolveJudge(prisma: PrismaClient, projectId: string, judge: string): Promise<string> {
  if (judge === "builtin") return judge;
  const provider = await loadProviderSettings(prisma, projectId, judge);
  return provider.kind === "builtin" ? "builtin" : provider.id;
}

export async function startDiagnosis(prisma: PrismaClient, projectId: string, userId: string, evaluationId: string | undefined, request: TDiagnoseRequest): Promise<DiagnosisRun> {
  const evaluation = await findEvaluation(prisma, projectId, evaluationId);
  if (evaluation.status !== "ready" || !evaluation.frozenAt) {
    throw new AppError("conflict", `Evaluation ${evaluation.number} is ${evaluation.status}; only a finished evaluation can be diagnosed.`);
  }
  const [benchmark, model] = await Promise.all([
    prisma.benchmark.findUnique({ where: { id: evaluation.benchmarkId }, select: { number: true, source: true, knowledgeVersionId: true } }),
    prisma.registeredModel.findUnique({ where: { id: evaluation.modelId }, select: { datasetVersionId: true } }),
  ]);
  if (!benchmark) throw new AppError("not_found", "The evaluated benchmark was deleted");
  if (benchmark.source === "external" || !benchmark.knowledgeVersionId) {
    throw new AppError("conflict", `Benchmark ${benchmark.number} is an imported external set: its items test no knowledge nodes, so failures on it cannot be traced to a concept gap or a reasoning deficit.`);
  }
  const judge = await resolveJudge(prisma, projectId, request.judge);
  const running = await findLive(prisma, await prisma.diagnosisRun.findMany({ where: { evaluationId: evaluation.id, status: "building" } }));
  if (running) throw new AppError("conflict", "This evaluation is already being diagnosed; wait for that run or cancel its job.", { runId: running.id });

  const run = await prisma.diagnosisRun.create({
    data: {
      projectId, evaluationId: evaluation.id, datasetVersionId: model?.datasetVersionId ?? null, judge,
      settings: { minSamples: request.minSamples, abstainBelow: request.abstainBelow }, createdById: userId,
    },
  });
  try {
    const job = await enqueueJob(prisma, "debugger.diagnose", { projectId, runId: run.id }, { projectId, createdById: userId });
    return await prisma.diagnosisRun.update({ where: { id: run.id }, data: { jobId: job.id } });
  } catch (error) {
    // No run without a job to fill it.
    await prisma.diagnosisRun.delete({ where: { id: run.id } }).catch(() => {});
    throw error;
  }
}
