// GET /api/v1/projects/:projectId/evaluations/compare?ids=a,b,… — evaluations of one benchmark side by side:
// per-item correctness in each, and fixed/regressed counts from the first to the last (400 across benchmarks).
import { getPrisma } from "@proda/db";
import { compareEvaluations, ZCompareQuery } from "@/server/evaluations/compare-evaluations";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/evaluations/compare", { input: ZCompareQuery }, async ({ projectId, input }) =>
  compareEvaluations(getPrisma(), projectId, input.ids),
);
