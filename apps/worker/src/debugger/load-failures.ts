// The failed items of an evaluation with the nodes each one tests (from its BenchmarkItem) and the
// wrong options the model chose. Results stored as "error" (the endpoint never answered) are not
// the model's failures and are left out. Read in item-id pages, so a resumed run can skip the
// items already diagnosed without holding the whole benchmark.
import type { PrismaClient } from "@proda/db";
import type { TItemOption } from "@proda/engine";

const PAGE = 2000;

export interface TFailure {
  itemId: string;
  chainId: string;
  discipline: string;
  relationIds: string[];
  conceptIds: string[];
  chosenOperators: string[];
  /** For the LLM judge: what was asked and what the model said. */
  question: string;
  options: TItemOption[];
  answer: string;
  raw: string;
}

export async function* readFailures(prisma: PrismaClient, evaluationId: string, benchmarkId: string): AsyncGenerator<TFailure[]> {
  for (let after = ""; ; ) {
    const results = await prisma.evaluationResult.findMany({
      where: { evaluationId, correct: false, method: { not: "error" }, itemId: { gt: after } },
      select: { itemId: true, chosenOperators: true, raw: true },
      orderBy: { itemId: "asc" },
      take: PAGE,
    });
    if (results.length === 0) return;
    const items = await prisma.benchmarkItem.findMany({
      where: { benchmarkId, id: { in: results.map((r) => r.itemId) } },
      select: { id: true, chainId: true, discipline: true, relationIds: true, conceptIds: true, question: true, options: true, answer: true },
    });
    const itemOf = new Map(items.map((i) => [i.id, i]));
    yield results.flatMap((r) => {
      const item = itemOf.get(r.itemId);
      if (!item) return [];
      return [{
        itemId: item.id, chainId: item.chainId, discipline: item.discipline, relationIds: item.relationIds, conceptIds: item.conceptIds,
        chosenOperators: r.chosenOperators, question: item.question, options: item.options as unknown as TItemOption[], answer: item.answer, raw: r.raw,
      }];
    });
    if (results.length < PAGE) return;
    after = results[results.length - 1]!.itemId;
  }
}
