// GET /api/v1/projects/:projectId/knowledge/versions/:versionId/path?from=&to=&maxHops= — the shortest
// chain of relations between two concepts (either direction), within maxHops (≤ 6, default 4).
import { getPrisma } from "@proda/db";
import { findPath, ZPathQuery } from "@/server/graph/find-path";
import { findVersion } from "@/server/knowledge/knowledge-dto";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/knowledge/versions/[versionId]/path", { input: ZPathQuery }, async ({ projectId, params, input }) => {
  const prisma = getPrisma();
  const version = await findVersion(prisma, projectId, params.versionId!);
  return findPath(prisma, version.id, input);
});
