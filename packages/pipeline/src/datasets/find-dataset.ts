// Looking up a dataset version of a project, and refusing one still being built (its samples and
// reports would be partial). Shared by the dataset routes and the contamination check.
import { AppError } from "@proda/core";
import type { DatasetVersion, PrismaClient } from "@proda/db";

export async function findDataset(prisma: PrismaClient, projectId: string, datasetId: string | undefined): Promise<DatasetVersion> {
  const version = datasetId ? await prisma.datasetVersion.findFirst({ where: { id: datasetId, projectId } }) : null;
  if (!version) throw new AppError("not_found", "Dataset version not found");
  return version;
}

/** Samples and reports read from a version still being built would be partial. */
export function assertBuilt(version: DatasetVersion): void {
  if (version.status !== "ready" && version.status !== "frozen") {
    throw new AppError("conflict", `Dataset version ${version.number} is ${version.status}, not built.`, { datasetId: version.id });
  }
}
