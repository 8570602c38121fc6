// GET /api/v1/projects/:projectId/evaluations/:evaluationId — one evaluation with its summary (accuracy per
// discipline, level, chain length and operator), progress, tokens and cost.
// DELETE …/evaluations/:evaluationId — removes an unfinished, failed or cancelled one (409 when frozen or running).
import { getPrisma } from "@proda/db";
import { findEvaluation } from "@proda/pipeline";
import { deleteEvaluation } from "@/server/evaluations/delete-evaluation";
import { loadEvaluationDtos } from "@/server/evaluations/evaluation-dto";
import { noContent } from "@/server/http";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/evaluations/[evaluationId]", {}, async ({ projectId, params }) => {
  const [dto] = await loadEvaluationDtos(getPrisma(), [await findEvaluation(getPrisma(), projectId, params.evaluationId)]);
  return { evaluation: dto };
});

export const DELETE = route("DELETE /projects/[projectId]/evaluations/[evaluationId]", {}, async ({ projectId, params, user }) => {
  const prisma = getPrisma();
  await deleteEvaluation(prisma, await findEvaluation(prisma, projectId, params.evaluationId), user!.id);
  return noContent();
});
