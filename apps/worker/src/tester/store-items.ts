// Benchmark items as BenchmarkItem rows. Inserts skip keys already stored, so a duplicate delivery
// of the job, or two workers racing on one benchmark, can never store an item twice.
import type { Prisma, PrismaClient } from "@proda/db";
import type { TBenchmarkItem } from "@proda/engine";

export function toItemRow(benchmarkId: string, item: TBenchmarkItem, position: number): Prisma.BenchmarkItemCreateManyInput {
  return {
    benchmarkId,
    position,
    key: item.key,
    kind: item.kind,
    mode: item.mode,
    question: item.question,
    options: item.options as Prisma.InputJsonValue,
    answer: item.answer,
    chainId: item.chainId,
    relationIds: item.relationIds,
    conceptIds: item.conceptIds,
    chunkIds: item.chunkIds,
    discipline: item.discipline,
    chainLength: item.difficulty.chainLength,
    level: item.difficulty.level,
    operators: item.difficulty.operators,
  };
}

export async function storeItems(prisma: PrismaClient, rows: Prisma.BenchmarkItemCreateManyInput[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { count } = await prisma.benchmarkItem.createMany({ data: rows, skipDuplicates: true });
  return count;
}
