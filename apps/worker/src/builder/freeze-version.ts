// Freezing a dataset version once the guard let it through: the verdict, the version (from then on
// immutable, enforced by database triggers) and its knowledge version are written in one
// transaction, so a version is never frozen without the report that allowed it.
import type { ContaminationReport, Prisma, PrismaClient } from "@proda/db";

/** The verdict to store: only one that lets the version through may freeze it. */
export type TFreezingOutcome = Prisma.ContaminationReportUpdateInput & { status: "passed" | "overridden" };

export async function freezeDatasetVersion(prisma: PrismaClient, report: ContaminationReport, outcome: TFreezingOutcome) {
  await prisma.$transaction(async (tx) => {
    const version = await tx.datasetVersion.findUniqueOrThrow({ where: { id: report.datasetVersionId } });
    // Already frozen by an earlier check, or no longer ready: record the verdict, change nothing else.
    if (version.frozenAt || version.status !== "ready") {
      await tx.contaminationReport.update({
        where: { id: report.id },
        data: { ...outcome, error: version.frozenAt ? null : `Not frozen: the version is ${version.status}` },
      });
      return;
    }
    const now = new Date();
    await tx.contaminationReport.update({ where: { id: report.id }, data: outcome });
    await tx.datasetVersion.update({ where: { id: version.id }, data: { status: "frozen", frozenAt: now, frozenById: report.createdById } });
    // Its knowledge nodes become immutable too: a frozen dataset must keep meaning what it taught.
    await tx.knowledgeVersion.updateMany({ where: { id: version.knowledgeVersionId, frozenAt: null }, data: { frozenAt: now } });
    await tx.auditEvent.create({
      data: {
        actorId: report.createdById,
        projectId: report.projectId,
        action: "dataset.frozen",
        targetType: "dataset_version",
        targetId: version.id,
        detail: { reportId: report.id, status: outcome.status, overrideReason: report.overrideReason },
      },
    });
  });
}
