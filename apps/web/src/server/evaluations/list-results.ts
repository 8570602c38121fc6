// The results page of an evaluation (filterable, paginated) and one result with the model's raw
// reply beside the full item.
import { AppError } from "@proda/core";
import type { Evaluation, PrismaClient } from "@proda/db";
import { z } from "zod";
import type { TEvaluationResultDetailDto, TEvaluationResultDto, TPage } from "@/lib/api-types";
import { toItemDto } from "../benchmarks/benchmark-dto.ts";
import { queryResults, ZResultFilters, type TResultRow } from "./query-results.ts";

export const ZResultQuery = ZResultFilters.extend({
  cursor: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TResultQuery = z.infer<typeof ZResultQuery>;

export const toResultDto = ({ key: _key, raw: _raw, ...row }: TResultRow): TEvaluationResultDto => row;

export async function listResults(prisma: PrismaClient, evaluation: Evaluation, query: TResultQuery): Promise<TPage<TEvaluationResultDto>> {
  const { cursor, limit, ...filters } = query;
  const rows = await queryResults(prisma, evaluation.id, filters, { after: cursor ?? null, limit: limit + 1 });
  const items = rows.slice(0, limit);
  return { items: items.map(toResultDto), nextCursor: rows.length > limit ? items[items.length - 1]!.itemId : null };
}

export async function loadResultDetail(prisma: PrismaClient, evaluation: Evaluation, itemId: string | undefined): Promise<TEvaluationResultDetailDto> {
  const [result, item] = itemId
    ? await Promise.all([
        prisma.evaluationResult.findUnique({ where: { evaluationId_itemId: { evaluationId: evaluation.id, itemId } } }),
        prisma.benchmarkItem.findFirst({ where: { id: itemId, benchmarkId: evaluation.benchmarkId } }),
      ])
    : [null, null];
  if (!result || !item) throw new AppError("not_found", "Result not found");
  return {
    result: {
      itemId: item.id, position: item.position, discipline: item.discipline, level: item.level, chainLength: item.chainLength, operators: item.operators,
      question: item.question, answer: item.answer, parsed: result.parsed, method: result.method, correct: result.correct,
      chosenOperators: result.chosenOperators, latencyMs: result.latencyMs, error: result.error, raw: result.raw,
    },
    item: toItemDto(item),
  };
}
