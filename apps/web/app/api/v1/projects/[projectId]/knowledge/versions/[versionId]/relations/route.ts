// GET /api/v1/projects/:projectId/knowledge/versions/:versionId/relations?discipline=&type=&after= — relations
// with their quotes, keyset-paginated by id.
import { getPrisma, Prisma } from "@proda/db";
import { z } from "zod";
import { findVersion, loadRelations } from "@/server/knowledge/knowledge-dto";
import { route } from "@/server/route";

const ZQuery = z.object({
  discipline: z.string().max(80).optional(),
  type: z.string().max(80).optional(),
  after: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const GET = route("GET /projects/[projectId]/knowledge/versions/[versionId]/relations", { input: ZQuery }, async ({ projectId, params, input }) => {
  const prisma = getPrisma();
  const version = await findVersion(prisma, projectId, params.versionId!);
  const conditions = [Prisma.sql`TRUE`];
  if (input.discipline) conditions.push(Prisma.sql`r.discipline = ${input.discipline}`);
  if (input.type) conditions.push(Prisma.sql`r.type = ${input.type}`);
  if (input.after) conditions.push(Prisma.sql`r.id > ${input.after}`);
  const items = await loadRelations(prisma, version.id, Prisma.join(conditions, " AND "), input.limit);
  return { items, nextCursor: items.length === input.limit ? items[items.length - 1]!.id : null };
});
