// POST /api/v1/projects/:projectId/evaluations/:evaluationId/diagnose — starts diagnosing a finished evaluation's
// failures ({ judge?: "builtin" | providerId, minSamples?, abstainBelow? }); 409 for an external set or an unfinished evaluation.
import { getPrisma } from "@proda/db";
import { audit, startDiagnosis, ZDiagnoseRequest } from "@proda/pipeline";
import { loadRunDtos } from "@/server/debugger/diagnosis-dto";
import { json } from "@/server/http";
import { route } from "@/server/route";

export const POST = route("POST /projects/[projectId]/evaluations/[evaluationId]/diagnose", { input: ZDiagnoseRequest }, async ({ projectId, params, user, input }) => {
  const prisma = getPrisma();
  const run = await startDiagnosis(prisma, projectId, user!.id, params.evaluationId, input);
  await audit({
    actorId: user!.id, projectId, action: "diagnosis.start", targetType: "diagnosis_run", targetId: run.id,
    detail: { evaluationId: run.evaluationId, judge: run.judge, settings: run.settings as object },
  });
  const [dto] = await loadRunDtos(prisma, [run]);
  return json({ run: dto }, 202);
});
