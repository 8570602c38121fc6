// A benchmark's items in generation order, filtered, keyset-paginated by item id (stable while a
// run is still adding items at the end).
import type { Prisma, PrismaClient } from "@proda/db";
import { PERTURB_OPERATORS } from "@proda/engine";
import { z } from "zod";
import type { TBenchmarkItemDto, TPage } from "@/lib/api-types";
import { toItemDto } from "./benchmark-dto.ts";

export const ZItemQuery = z.object({
  discipline: z.string().max(80).optional(),
  review: z.enum(["pending", "accepted", "edited", "rejected"]).optional(),
  operator: z.enum(PERTURB_OPERATORS).optional(),
  mode: z.enum(["single", "multi"]).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  cursor: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TItemQuery = z.infer<typeof ZItemQuery>;

export async function listItems(prisma: PrismaClient, benchmarkId: string, query: TItemQuery): Promise<TPage<TBenchmarkItemDto>> {
  const where: Prisma.BenchmarkItemWhereInput = {
    benchmarkId,
    discipline: query.discipline,
    review: query.review,
    mode: query.mode,
    ...(query.operator ? { operators: { has: query.operator } } : {}),
    ...(query.q ? { OR: [{ question: { contains: query.q, mode: "insensitive" } }, { key: query.q }] } : {}),
  };
  const rows = await prisma.benchmarkItem.findMany({
    where,
    orderBy: [{ position: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, query.limit);
  return { items: items.map(toItemDto), nextCursor: rows.length > query.limit ? items[items.length - 1]!.id : null };
}
