// GET /api/v1/projects/:projectId/knowledge/versions/:versionId — a version with its progress and quality report.
import { getPrisma } from "@proda/db";
import { findVersion, loadVersionDtos } from "@/server/knowledge/knowledge-dto";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/knowledge/versions/[versionId]", {}, async ({ projectId, params }) => {
  const prisma = getPrisma();
  const [version] = await loadVersionDtos(prisma, [await findVersion(prisma, projectId, params.versionId!)]);
  return { version };
});
