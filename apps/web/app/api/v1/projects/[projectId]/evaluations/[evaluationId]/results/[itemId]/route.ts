// GET /api/v1/projects/:projectId/evaluations/:evaluationId/results/:itemId — one result with the model's raw
// reply, how its answer was read, and the full item (options with their distractor records).
import { getPrisma } from "@proda/db";
import { findEvaluation } from "@proda/pipeline";
import { loadResultDetail } from "@/server/evaluations/list-results";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/evaluations/[evaluationId]/results/[itemId]", {}, async ({ projectId, params }) => {
  const prisma = getPrisma();
  return loadResultDetail(prisma, await findEvaluation(prisma, projectId, params.evaluationId), params.itemId);
});
