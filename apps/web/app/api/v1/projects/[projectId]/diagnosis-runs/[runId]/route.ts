// GET /api/v1/projects/:projectId/diagnosis-runs/:runId — one run with its failures grouped by discipline,
// operator and knowledge node.
import { getPrisma } from "@proda/db";
import type { TDiagnosisRunDetailDto } from "@/lib/api-types";
import { findRun, loadRunDtos } from "@/server/debugger/diagnosis-dto";
import { aggregateRun } from "@/server/debugger/run-aggregates";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/diagnosis-runs/[runId]", {}, async ({ projectId, params }): Promise<TDiagnosisRunDetailDto> => {
  const prisma = getPrisma();
  const run = await findRun(prisma, projectId, params.runId);
  const [[dto], aggregates] = await Promise.all([loadRunDtos(prisma, [run]), aggregateRun(prisma, run.id)]);
  return { run: dto!, aggregates };
});
