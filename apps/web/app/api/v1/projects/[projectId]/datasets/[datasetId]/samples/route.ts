// GET /api/v1/projects/:projectId/datasets/:datasetId/samples?type=&discipline=&q=&cursor=&limit= — samples in
// version order, filtered by type, discipline and text (case-insensitive, in any message), cursor-paginated.
import { getPrisma, Prisma } from "@proda/db";
import { SAMPLE_TYPES } from "@proda/engine";
import { findDataset } from "@proda/pipeline";
import { z } from "zod";
import { toSampleDto } from "@/server/datasets/dataset-dto";
import { route } from "@/server/route";

const ZQuery = z.object({
  type: z.enum(SAMPLE_TYPES).optional(),
  discipline: z.string().max(80).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  /** The position of the last sample of the previous page. */
  cursor: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

type TRow = Parameters<typeof toSampleDto>[0];

export const GET = route("GET /projects/[projectId]/datasets/[datasetId]/samples", { input: ZQuery }, async ({ projectId, params, input }) => {
  const prisma = getPrisma();
  const version = await findDataset(prisma, projectId, params.datasetId);
  const where = [Prisma.sql`"datasetVersionId" = ${version.id}`, Prisma.sql`position > ${input.cursor ?? -1}`];
  if (input.type) where.push(Prisma.sql`type = ${input.type}`);
  if (input.discipline) where.push(Prisma.sql`discipline = ${input.discipline}`);
  if (input.q) {
    const pattern = `%${input.q.replace(/[%_\\]/g, "\\$&")}%`;
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM jsonb_array_elements(messages) m WHERE m->>'content' ILIKE ${pattern})`);
  }
  const rows = await prisma.$queryRaw<TRow[]>`
    SELECT id, position, key, type, discipline, messages, meta FROM "TrainingSample"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY position LIMIT ${input.limit + 1}`;
  const items = rows.slice(0, input.limit);
  return { items: items.map(toSampleDto), nextCursor: rows.length > input.limit ? String(items[items.length - 1]!.position) : null };
});
