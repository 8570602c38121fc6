// GET /api/v1/projects/:projectId/knowledge/versions/:versionId/concepts/:conceptId/neighbourhood?hops=1|2&cap=
// — the concepts and relations around a concept, capped, for the graph explorer.
import { AppError } from "@proda/core";
import { getPrisma } from "@proda/db";
import { z } from "zod";
import { findVersion } from "@/server/knowledge/knowledge-dto";
import { loadNeighbourhood } from "@/server/knowledge/neighbourhood";
import { route } from "@/server/route";

const ZQuery = z.object({
  hops: z.coerce.number().int().min(1).max(2).default(1),
  cap: z.coerce.number().int().min(1).max(1000).default(250),
});

export const GET = route(
  "GET /projects/[projectId]/knowledge/versions/[versionId]/concepts/[conceptId]/neighbourhood",
  { input: ZQuery },
  async ({ projectId, params, input }) => {
    const prisma = getPrisma();
    const version = await findVersion(prisma, projectId, params.versionId!);
    const exists = await prisma.concept.count({ where: { id: params.conceptId, versionId: version.id } });
    if (!exists) throw new AppError("not_found", "Concept not found");
    return loadNeighbourhood(prisma, version.id, params.conceptId!, input.hops as 1 | 2, input.cap);
  },
);
