// POST /api/v1/projects/:projectId/datasets/:datasetId/freeze — checks the version against every frozen benchmark
// of the project and freezes it if the guard lets it through ({ override?: { reason } }, owners only).
import { getPrisma } from "@proda/db";
import { audit, startContaminationCheck, ZOverrideRequest } from "@proda/pipeline";
import { z } from "zod";
import { toReportDto } from "@/server/datasets/dataset-dto";
import { json } from "@/server/http";
import { route } from "@/server/route";

const ZFreezeRequest = z.object({ override: ZOverrideRequest.optional() });

export const POST = route("POST /projects/[projectId]/datasets/[datasetId]/freeze", { input: ZFreezeRequest }, async ({ projectId, params, user, role, input }) => {
  const report = await startContaminationCheck(getPrisma(), { projectId, datasetId: params.datasetId, userId: user!.id, role }, { ...input, freezeOnPass: true });
  await audit({
    actorId: user!.id, projectId, action: "dataset.freeze", targetType: "dataset_version", targetId: report.datasetVersionId,
    detail: { reportId: report.id, benchmarkIds: report.benchmarkIds, overrideReason: report.overrideReason },
  });
  return json({ report: toReportDto(report) }, 202);
});
