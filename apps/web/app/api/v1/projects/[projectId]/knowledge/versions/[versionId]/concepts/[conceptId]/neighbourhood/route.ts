// GET /api/v1/projects/:projectId/knowledge/versions/:versionId/concepts/:conceptId/neighbourhood?hops=1|2&cap=
// — the concepts and relations around a concept, capped, for the graph explorer. One statement checks
// the concept's version and project and reads the neighbourhood (bench/graph-api.ts measures it).
import { AppError } from "@proda/core";
import { getPrisma } from "@proda/db";
import { z } from "zod";
import { findNeighbourhood } from "@/server/knowledge/neighbourhood";
import { route } from "@/server/route";

const ZQuery = z.object({
  hops: z.coerce.number().int().min(1).max(2).default(1),
  cap: z.coerce.number().int().min(1).max(1000).default(250),
});

export const GET = route(
  "GET /projects/[projectId]/knowledge/versions/[versionId]/concepts/[conceptId]/neighbourhood",
  { input: ZQuery },
  async ({ projectId, params, input }) => {
    const hood = await findNeighbourhood(getPrisma(), projectId, params.versionId!, params.conceptId!, input.hops as 1 | 2, input.cap);
    if (!hood) throw new AppError("not_found", "Concept not found");
    return hood;
  },
);
