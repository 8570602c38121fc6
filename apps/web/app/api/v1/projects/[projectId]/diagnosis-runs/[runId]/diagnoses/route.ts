// GET /api/v1/projects/:projectId/diagnosis-runs/:runId/diagnoses — the failures table, a page at a time:
// ?label=concept_gap|reasoning_deficit&discipline=&operator=&review=&cursor=&limit=.
import { getPrisma } from "@proda/db";
import { findRun } from "@/server/debugger/diagnosis-dto";
import { listDiagnoses, ZDiagnosisQuery } from "@/server/debugger/list-diagnoses";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/diagnosis-runs/[runId]/diagnoses", { input: ZDiagnosisQuery }, async ({ projectId, params, input }) => {
  const prisma = getPrisma();
  return listDiagnoses(prisma, await findRun(prisma, projectId, params.runId), input);
});
