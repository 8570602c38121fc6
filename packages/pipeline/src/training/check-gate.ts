// The contamination gate (DESIGN invariant 4): only a frozen dataset version — freezing is what ran
// the guard over it — whose latest contamination report passed, or was overridden with a recorded
// reason, may be trained on. The decision is copied onto the run.
import { AppError } from "@proda/core";
import type { DatasetVersion, PrismaClient } from "@proda/db";

/** The gate's decision as copied onto the run (the API's TTrainingRunDto["gate"]); a type alias, so it is a Prisma JSON value. */
export type TGate = { status: "clean" | "overridden"; reportId: string; reason?: string; by?: string };

export async function checkContaminationGate(prisma: PrismaClient, projectId: string, datasetVersionId: string): Promise<{ version: DatasetVersion; gate: TGate }> {
  const version = await prisma.datasetVersion.findFirst({ where: { id: datasetVersionId, projectId } });
  if (!version) throw new AppError("not_found", "Dataset version not found");
  const name = `Dataset version ${version.number}`;
  if (version.status !== "frozen" || !version.frozenAt) {
    throw new AppError("conflict", `${name} is not frozen: run the contamination check with "freeze" on it first. Only frozen versions, which passed the guard, can be trained on.`);
  }
  const report = await prisma.contaminationReport.findFirst({ where: { datasetVersionId: version.id }, orderBy: { createdAt: "desc" } });
  if (!report) throw new AppError("conflict", `${name} has no contamination report: run the contamination check first.`);
  switch (report.status) {
    case "passed":
      return { version, gate: { status: "clean", reportId: report.id } };
    case "overridden": {
      const by = report.overrideById ? await prisma.user.findUnique({ where: { id: report.overrideById }, select: { name: true, email: true } }) : null;
      return {
        version,
        gate: { status: "overridden", reportId: report.id, reason: report.overrideReason ?? undefined, by: by ? by.name || by.email : undefined },
      };
    }
    case "blocked":
      throw new AppError("conflict", `The contamination guard blocked ${name.toLowerCase()}: its training data contains benchmark text. Rebuild it without those samples, or have an owner override the report with a reason.`, { reportId: report.id });
    case "running":
      throw new AppError("conflict", `The contamination check of ${name.toLowerCase()} is still running; wait for its verdict.`, { reportId: report.id });
    default:
      throw new AppError("conflict", `The latest contamination check of ${name.toLowerCase()} failed (${report.error ?? "no reason recorded"}); run it again.`, { reportId: report.id });
  }
}
