// GET /api/v1/projects/:projectId/datasets/:datasetId — one dataset version: recipe, stats, coverage, latest contamination verdict.
// DELETE /api/v1/projects/:projectId/datasets/:datasetId — removes a version that is not frozen and not being built.
import { AppError } from "@proda/core";
import { getPrisma } from "@proda/db";
import { audit, findDataset, findLive } from "@proda/pipeline";
import { loadDatasetDtos } from "@/server/datasets/dataset-dto";
import { noContent } from "@/server/http";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/datasets/[datasetId]", {}, async ({ projectId, params }) => {
  const prisma = getPrisma();
  const [dataset] = await loadDatasetDtos(prisma, [await findDataset(prisma, projectId, params.datasetId)]);
  return { dataset };
});

export const DELETE = route("DELETE /projects/[projectId]/datasets/[datasetId]", {}, async ({ projectId, params, user }) => {
  const prisma = getPrisma();
  const version = await findDataset(prisma, projectId, params.datasetId);
  // The database refuses it too (immutability triggers); this says why in words.
  if (version.frozenAt) throw new AppError("conflict", `Dataset version ${version.number} is frozen and cannot be deleted.`);
  if (version.status === "building" && (await findLive(prisma, [version]))) {
    throw new AppError("conflict", `Dataset version ${version.number} is still being built; cancel its job first.`);
  }
  await prisma.datasetVersion.delete({ where: { id: version.id } });
  await audit({ actorId: user!.id, projectId, action: "dataset.delete", targetType: "dataset_version", targetId: version.id, detail: { number: version.number } });
  return noContent();
});
