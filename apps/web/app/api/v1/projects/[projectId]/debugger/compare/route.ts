// GET /api/v1/projects/:projectId/debugger/compare?baseline=&candidate=&control= — V1 vs V2 (and the random control)
// on one benchmark: fixed / regressed / still failing, per discipline and per node (409 across benchmarks).
import { getPrisma } from "@proda/db";
import type { TCompareDto } from "@/lib/api-types";
import { compareForDebugger, ZCompareQuery } from "@/server/debugger/compare-runs";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/debugger/compare", { input: ZCompareQuery }, async ({ projectId, input }): Promise<TCompareDto> =>
  compareForDebugger(getPrisma(), projectId, input),
);
