// GET /api/v1/projects/:projectId/knowledge/versions/:versionId/concepts — concepts by prefix or fuzzy match
// (?q=), or all of a discipline, most connected first; cursor-paginated when not searching.
import { getPrisma, Prisma } from "@proda/db";
import { z } from "zod";
import { findVersion, toConceptDto } from "@/server/knowledge/knowledge-dto";
import { route } from "@/server/route";

const ZQuery = z.object({
  q: z.string().trim().max(200).optional(),
  discipline: z.string().max(80).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const GET = route("GET /projects/[projectId]/knowledge/versions/[versionId]/concepts", { input: ZQuery }, async ({ projectId, params, input }) => {
  const prisma = getPrisma();
  const version = await findVersion(prisma, projectId, params.versionId!);
  const discipline = input.discipline ? Prisma.sql`AND discipline = ${input.discipline}` : Prisma.empty;
  const q = input.q?.toLowerCase();
  // Prefix matches first, then fuzzy (trigram) matches; without a query, by degree.
  const rows = q
    ? await prisma.$queryRaw<Parameters<typeof toConceptDto>[0][]>`
        SELECT id, key, term, aliases, definition, type, discipline, degree FROM "Concept"
        WHERE "versionId" = ${version.id} ${discipline}
          AND (lower(term) LIKE ${`${q.replace(/[%_\\]/g, "\\$&")}%`} OR lower(term) % ${q} OR ${q} = ANY(aliases))
        ORDER BY (lower(term) LIKE ${`${q.replace(/[%_\\]/g, "\\$&")}%`}) DESC, similarity(lower(term), ${q}) DESC, degree DESC
        LIMIT ${input.limit} OFFSET ${input.offset}`
    : await prisma.$queryRaw<Parameters<typeof toConceptDto>[0][]>`
        SELECT id, key, term, aliases, definition, type, discipline, degree FROM "Concept"
        WHERE "versionId" = ${version.id} ${discipline}
        ORDER BY degree DESC, term LIMIT ${input.limit} OFFSET ${input.offset}`;
  return { items: rows.map(toConceptDto), nextOffset: rows.length === input.limit ? input.offset + input.limit : null };
});
