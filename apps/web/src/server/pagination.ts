// Cursor pagination by id over a (createdAt desc, id desc) order: stable while rows are added.
import { z } from "zod";

export const ZPageQuery = z.object({
  cursor: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function pageArgs(q: z.infer<typeof ZPageQuery>) {
  return {
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
    orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }],
  };
}

export function toPage<T extends { id: string }, D>(rows: T[], limit: number, map: (row: T) => D) {
  const hasMore = rows.length > limit;
  const items = rows.slice(0, limit);
  return { items: items.map(map), nextCursor: hasMore ? items[items.length - 1]!.id : null };
}
