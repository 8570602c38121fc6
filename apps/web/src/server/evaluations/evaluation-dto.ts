// Evaluation rows → TEvaluationDto. An evaluation whose job was cancelled or failed for good before
// the worker could record it is reported as such, as benchmarks are (the job row knows).
import type { Evaluation, PrismaClient } from "@proda/db";
import type { TEvaluationSummary } from "@proda/engine";
import { ZEvaluationSettings } from "@proda/providers";
import type { TEvaluationDto, TModelBackend } from "@/lib/api-types";

export async function loadEvaluationDtos(prisma: PrismaClient, evaluations: Evaluation[]): Promise<TEvaluationDto[]> {
  const [jobs, benchmarks, models] = await Promise.all([
    prisma.job.findMany({ where: { id: { in: evaluations.flatMap((e) => (e.jobId ? [e.jobId] : [])) } }, select: { id: true, status: true, error: true } }),
    prisma.benchmark.findMany({ where: { id: { in: [...new Set(evaluations.map((e) => e.benchmarkId))] } }, select: { id: true, name: true } }),
    prisma.registeredModel.findMany({ where: { id: { in: [...new Set(evaluations.map((e) => e.modelId))] } }, select: { id: true, name: true, backend: true } }),
  ]);
  const jobOf = new Map(jobs.map((j) => [j.id, j]));
  const benchmarkName = new Map(benchmarks.map((b) => [b.id, b.name]));
  const modelOf = new Map(models.map((m) => [m.id, m]));
  return evaluations.map((e) => {
    const job = e.jobId ? jobOf.get(e.jobId) : undefined;
    const lost = e.status === "building" && job && (job.status === "cancelled" || job.status === "failed");
    const model = modelOf.get(e.modelId);
    return {
      id: e.id,
      number: e.number,
      benchmarkId: e.benchmarkId,
      benchmarkName: benchmarkName.get(e.benchmarkId) ?? "(deleted benchmark)",
      model: { id: e.modelId, name: model?.name ?? "(deleted model)", backend: (model?.backend ?? "builtin-student") as TModelBackend },
      status: lost ? (job.status as "cancelled" | "failed") : e.status,
      settings: ZEvaluationSettings.parse(e.settings),
      summary: (e.summary as unknown as TEvaluationSummary | null) ?? null,
      itemsTotal: e.itemsTotal,
      itemsDone: e.itemsDone,
      promptTokens: e.promptTokens,
      completionTokens: e.completionTokens,
      costUsd: e.costUsd,
      jobId: e.jobId,
      error: e.error ?? (lost ? job.error : null),
      createdAt: e.createdAt.toISOString(),
      finishedAt: e.finishedAt?.toISOString() ?? null,
    };
  });
}

/** The leaderboard order: best accuracy first, unfinished evaluations last (newest first among them). */
export function rankByAccuracy(dtos: TEvaluationDto[]): TEvaluationDto[] {
  const score = (d: TEvaluationDto) => (d.summary ? d.summary.total.accuracy : -1);
  return [...dtos].sort((a, b) => score(b) - score(a) || b.createdAt.localeCompare(a.createdAt));
}
