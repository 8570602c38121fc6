// GET /api/v1/projects/:projectId/evaluations — evaluations, newest first; ?benchmarkId= gives that
// benchmark's leaderboard instead (best accuracy first, unfinished last).
// POST /api/v1/projects/:projectId/evaluations — evaluates a model on a frozen benchmark
// ({ benchmarkId, modelId, settings?: { concurrency, maxRetries, temperature, maxTokens, limit } }); 409 unless frozen.
import { getPrisma } from "@proda/db";
import { audit, startEvaluation, ZEvaluationRequest } from "@proda/pipeline";
import { z } from "zod";
import { loadEvaluationDtos, rankByAccuracy } from "@/server/evaluations/evaluation-dto";
import { json } from "@/server/http";
import { route } from "@/server/route";

const ZListQuery = z.object({ benchmarkId: z.string().min(1).max(64).optional() });

export const GET = route("GET /projects/[projectId]/evaluations", { input: ZListQuery }, async ({ projectId, input }) => {
  const rows = await getPrisma().evaluation.findMany({
    where: { projectId, benchmarkId: input.benchmarkId },
    orderBy: { number: "desc" },
    take: 500,
  });
  const dtos = await loadEvaluationDtos(getPrisma(), rows);
  return { evaluations: input.benchmarkId ? rankByAccuracy(dtos) : dtos };
});

export const POST = route("POST /projects/[projectId]/evaluations", { input: ZEvaluationRequest }, async ({ projectId, user, input }) => {
  const evaluation = await startEvaluation(getPrisma(), projectId, user!.id, input);
  await audit({
    actorId: user!.id, projectId, action: "evaluation.create", targetType: "evaluation", targetId: evaluation.id,
    detail: { number: evaluation.number, benchmarkId: evaluation.benchmarkId, modelId: evaluation.modelId, settings: input.settings },
  });
  const [dto] = await loadEvaluationDtos(getPrisma(), [evaluation]);
  return json({ evaluation: dto }, 202);
});
