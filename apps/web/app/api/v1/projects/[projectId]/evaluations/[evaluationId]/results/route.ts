// GET /api/v1/projects/:projectId/evaluations/:evaluationId/results — results in item order with their item's
// question, gold answer, discipline and operators; ?outcome=pass|fail|error&discipline=&operator=&level=&cursor=&limit=.
import { getPrisma } from "@proda/db";
import { findEvaluation } from "@proda/pipeline";
import { listResults, ZResultQuery } from "@/server/evaluations/list-results";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/evaluations/[evaluationId]/results", { input: ZResultQuery }, async ({ projectId, params, input }) => {
  const prisma = getPrisma();
  return listResults(prisma, await findEvaluation(prisma, projectId, params.evaluationId), input);
});
