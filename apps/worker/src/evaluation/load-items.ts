// The items an evaluation answers: the benchmark's non-rejected items in position order, the first
// `limit` of them when a limit is set. The same query at every (re)start, so a resume sees the same set.
import type { PrismaClient } from "@proda/db";
import type { TItemOption } from "@proda/engine";

export interface TEvalItem {
  id: string;
  key: string;
  question: string;
  options: TItemOption[];
  answer: string;
  mode: string;
  discipline: string;
  level: number;
  chainLength: number;
  operators: string[];
}

export async function loadEvaluationItems(prisma: PrismaClient, benchmarkId: string, limit: number | null): Promise<TEvalItem[]> {
  const rows = await prisma.benchmarkItem.findMany({
    where: { benchmarkId, review: { not: "rejected" } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    ...(limit ? { take: limit } : {}),
    select: { id: true, key: true, question: true, options: true, answer: true, mode: true, discipline: true, level: true, chainLength: true, operators: true },
  });
  return rows.map((r) => ({ ...r, options: r.options as unknown as TItemOption[] }));
}
