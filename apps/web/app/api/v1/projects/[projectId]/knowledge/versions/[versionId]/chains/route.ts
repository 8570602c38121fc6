// GET /api/v1/projects/:projectId/knowledge/versions/:versionId/chains?discipline=&after= — chains, keyset-paginated by id.
import { getPrisma } from "@proda/db";
import { z } from "zod";
import { findVersion } from "@/server/knowledge/knowledge-dto";
import { route } from "@/server/route";

const ZQuery = z.object({
  discipline: z.string().max(80).optional(),
  after: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const GET = route("GET /projects/[projectId]/knowledge/versions/[versionId]/chains", { input: ZQuery }, async ({ projectId, params, input }) => {
  const prisma = getPrisma();
  const version = await findVersion(prisma, projectId, params.versionId!);
  const rows = await prisma.chain.findMany({
    where: { versionId: version.id, discipline: input.discipline, ...(input.after ? { id: { gt: input.after } } : {}) },
    select: { id: true, title: true, discipline: true, stepCount: true, chunkId: true, documentId: true },
    orderBy: { id: "asc" },
    take: input.limit,
  });
  return { items: rows, nextCursor: rows.length === input.limit ? rows[rows.length - 1]!.id : null };
});
