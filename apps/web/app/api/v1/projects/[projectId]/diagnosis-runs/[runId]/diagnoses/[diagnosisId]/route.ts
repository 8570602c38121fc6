// GET /api/v1/projects/:projectId/diagnosis-runs/:runId/diagnoses/:diagnosisId — the failure trace: item → chain →
//   relations → concepts → source chunks → training samples that taught them → diagnosis → patch samples.
// PATCH /api/v1/projects/:projectId/diagnosis-runs/:runId/diagnoses/:diagnosisId — review it
//   ({ action: "accept" | "relabel" | "reject", label? (relabel), note? }); audited with before and after.
import { getPrisma } from "@proda/db";
import { findRun, loadDiagnosisDtos } from "@/server/debugger/diagnosis-dto";
import { loadFailureTrace } from "@/server/debugger/failure-trace";
import { reviewDiagnosis, ZReviewRequest } from "@/server/debugger/review-diagnosis";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/diagnosis-runs/[runId]/diagnoses/[diagnosisId]", {}, async ({ projectId, params }) => {
  const prisma = getPrisma();
  return { trace: await loadFailureTrace(prisma, await findRun(prisma, projectId, params.runId), params.diagnosisId) };
});

export const PATCH = route("PATCH /projects/[projectId]/diagnosis-runs/[runId]/diagnoses/[diagnosisId]", { input: ZReviewRequest }, async ({ projectId, params, user, input }) => {
  const prisma = getPrisma();
  const run = await findRun(prisma, projectId, params.runId);
  const [diagnosis] = await loadDiagnosisDtos(prisma, [await reviewDiagnosis(prisma, run, params.diagnosisId, user!.id, input)]);
  return { diagnosis };
});
