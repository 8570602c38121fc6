// Benchmark items as the contamination guard sees them: the question first, then every option.
// Rejected items are left out: an expert took them out of the benchmark, so no model is tested on them.
import type { PrismaClient } from "@proda/db";
import type { TContaminationItem } from "@proda/engine";

export async function loadBenchmarkItems(prisma: PrismaClient, benchmarkIds: readonly string[]): Promise<TContaminationItem[]> {
  if (benchmarkIds.length === 0) return [];
  const rows = await prisma.benchmarkItem.findMany({
    where: { benchmarkId: { in: [...benchmarkIds] }, review: { not: "rejected" } },
    select: { key: true, question: true, options: true, relationIds: true },
    orderBy: [{ benchmarkId: "asc" }, { position: "asc" }],
  });
  return rows.map((row) => ({
    // Item keys hash the item's content, so the same key in two benchmarks is the same text.
    key: row.key,
    texts: [row.question, ...(row.options as { text: string }[]).map((o) => o.text)],
    relationIds: row.relationIds,
  }));
}

/** Every question and option text of the benchmarks: what a build must not put into training data. */
export async function loadForbiddenTexts(prisma: PrismaClient, benchmarkIds: readonly string[]): Promise<string[]> {
  return (await loadBenchmarkItems(prisma, benchmarkIds)).flatMap((item) => item.texts);
}
