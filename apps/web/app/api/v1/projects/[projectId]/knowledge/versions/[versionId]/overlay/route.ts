// GET /api/v1/projects/:projectId/knowledge/versions/:versionId/overlay?layoutId=&kind=coverage&datasetId=
// | kind=failure&evaluationId= — one value per layout node (0–1, or −1 for no data) to colour the overview.
import { getPrisma } from "@proda/db";
import { loadOverlay, ZOverlayQuery } from "@/server/graph/load-overlay";
import { findVersion } from "@/server/knowledge/knowledge-dto";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/knowledge/versions/[versionId]/overlay", { input: ZOverlayQuery }, async ({ projectId, params, input }) => {
  const prisma = getPrisma();
  const version = await findVersion(prisma, projectId, params.versionId!);
  return loadOverlay(prisma, projectId, version.id, input);
});
