// GET /api/v1/projects/:projectId/datasets — dataset versions, newest first, each with its latest contamination verdict.
// POST /api/v1/projects/:projectId/datasets — starts a Builder run ({ knowledgeVersionId, budget?, ratios?, seed?, … } or { rebuildOf }).
import { getPrisma } from "@proda/db";
import { audit, startDataset, ZDatasetRequest } from "@proda/pipeline";
import { loadDatasetDtos } from "@/server/datasets/dataset-dto";
import { json } from "@/server/http";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/datasets", {}, async ({ projectId }) => {
  const versions = await getPrisma().datasetVersion.findMany({ where: { projectId }, orderBy: { number: "desc" }, take: 200 });
  return { datasets: await loadDatasetDtos(getPrisma(), versions) };
});

export const POST = route("POST /projects/[projectId]/datasets", { input: ZDatasetRequest }, async ({ projectId, user, input }) => {
  const version = await startDataset(getPrisma(), projectId, user!.id, input);
  await audit({
    actorId: user!.id, projectId, action: "dataset.build", targetType: "dataset_version", targetId: version.id,
    detail: { number: version.number, rebuildOf: input.rebuildOf ?? null },
  });
  const [dataset] = await loadDatasetDtos(getPrisma(), [version]);
  return json({ dataset }, 202);
});
