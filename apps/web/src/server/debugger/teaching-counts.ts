// How many samples of a dataset version teach each of some nodes (the "taught by" figures of a
// failure trace), counted in SQL over the TrainingSample id arrays.
import { Prisma, type PrismaClient } from "@proda/db";

export async function countTaughtBy(prisma: PrismaClient, datasetVersionId: string | null, column: "relationIds" | "conceptIds", ids: readonly string[]): Promise<Map<string, number>> {
  if (!datasetVersionId || ids.length === 0) return new Map();
  const col = Prisma.raw(`"${column}"`);
  const rows = await prisma.$queryRaw<{ id: string; n: number }[]>`
    SELECT u.id, count(DISTINCT t.id)::int AS n
    FROM "TrainingSample" t, unnest(t.${col}) AS u(id)
    WHERE t."datasetVersionId" = ${datasetVersionId} AND t.${col} && ${[...ids]}::text[] AND u.id = ANY(${[...ids]}::text[])
    GROUP BY u.id`;
  return new Map(rows.map((r) => [r.id, r.n]));
}
