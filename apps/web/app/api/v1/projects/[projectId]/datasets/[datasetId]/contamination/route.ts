// GET /api/v1/projects/:projectId/datasets/:datasetId/contamination — the latest guard report of the version
// with every hit and the node report ({ report: null } when it was never checked).
// POST /api/v1/projects/:projectId/datasets/:datasetId/contamination — starts a check ({ benchmarkIds?, options?,
// override?: { reason }, freezeOnPass? }); an override needs contamination.override.
import { getPrisma } from "@proda/db";
import { audit, findDataset, startContaminationCheck, ZContaminationRequest } from "@proda/pipeline";
import { toReportDto, withReportJobStatus } from "@/server/datasets/dataset-dto";
import { json } from "@/server/http";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/datasets/[datasetId]/contamination", {}, async ({ projectId, params }) => {
  const prisma = getPrisma();
  const version = await findDataset(prisma, projectId, params.datasetId);
  const latest = await prisma.contaminationReport.findFirst({ where: { datasetVersionId: version.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const [report] = latest ? await withReportJobStatus(prisma, [latest]) : [];
  return { report: report ? toReportDto(report) : null };
});

export const POST = route("POST /projects/[projectId]/datasets/[datasetId]/contamination", { input: ZContaminationRequest }, async ({ projectId, params, user, role, input }) => {
  const report = await startContaminationCheck(getPrisma(), { projectId, datasetId: params.datasetId, userId: user!.id, role }, input);
  await audit({
    actorId: user!.id, projectId, action: "dataset.check_contamination", targetType: "dataset_version", targetId: report.datasetVersionId,
    detail: { reportId: report.id, benchmarkIds: report.benchmarkIds, freezeOnPass: report.freezeOnPass, overrideReason: report.overrideReason },
  });
  return json({ report: toReportDto(report) }, 202);
});
