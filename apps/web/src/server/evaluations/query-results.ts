// An evaluation's results joined with their items, in item position order, keyset-paginated by item
// id, filtered by outcome and by the item's discipline, operator and level. One SQL join: the
// results table holds only item ids, and a 16k-item evaluation must not be filtered in memory.
import { Prisma, type PrismaClient } from "@proda/db";
import { PERTURB_OPERATORS } from "@proda/engine";
import { z } from "zod";
import type { TEvaluationResultDto } from "@/lib/api-types";

export const ZResultFilters = z.object({
  /** pass: correct; fail: wrong (errors included); error: the request kept failing. */
  outcome: z.enum(["pass", "fail", "error"]).optional(),
  discipline: z.string().max(80).optional(),
  operator: z.enum(PERTURB_OPERATORS).optional(),
  level: z.coerce.number().int().min(1).max(5).optional(),
});
export type TResultFilters = z.infer<typeof ZResultFilters>;

/** A result as the API shows it, plus its item key and, when asked for (exports), the raw reply. */
export interface TResultRow extends TEvaluationResultDto {
  key: string;
  /** Only when asked for (exports): replies can be long. */
  raw?: string;
}

function conditions(evaluationId: string, f: TResultFilters, afterItemId: string | null): Prisma.Sql {
  const parts = [Prisma.sql`r."evaluationId" = ${evaluationId}`];
  if (f.outcome === "pass") parts.push(Prisma.sql`r.correct = true`);
  if (f.outcome === "fail") parts.push(Prisma.sql`r.correct = false`);
  if (f.outcome === "error") parts.push(Prisma.sql`r.method = 'error'`);
  if (f.discipline) parts.push(Prisma.sql`i.discipline = ${f.discipline}`);
  if (f.operator) parts.push(Prisma.sql`${f.operator} = ANY(i.operators)`);
  if (f.level) parts.push(Prisma.sql`i.level = ${f.level}`);
  if (afterItemId) parts.push(Prisma.sql`(i.position, i.id) > (SELECT position, id FROM "BenchmarkItem" WHERE id = ${afterItemId})`);
  return Prisma.join(parts, " AND ");
}

export async function queryResults(
  prisma: PrismaClient,
  evaluationId: string,
  filters: TResultFilters,
  page: { after: string | null; limit: number; withRaw?: boolean },
): Promise<TResultRow[]> {
  return prisma.$queryRaw<TResultRow[]>`
    SELECT r."itemId", i.key, i.position, i.discipline, i.level, i."chainLength", i.operators, i.question, i.answer,
           r.parsed, r.method, r.correct, r."chosenOperators", r."latencyMs", r.error
           ${page.withRaw ? Prisma.sql`, r.raw` : Prisma.empty}
    FROM "EvaluationResult" r JOIN "BenchmarkItem" i ON i.id = r."itemId"
    WHERE ${conditions(evaluationId, filters, page.after)}
    ORDER BY i.position, i.id
    LIMIT ${page.limit}`;
}
