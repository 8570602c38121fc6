// A benchmark with hand-written items, straight into the database (no Tester run): for tests that
// need benchmark text with known content, e.g. a planted overlap for the contamination guard.
// Items go in while the benchmark is ready; freezing comes last, because the immutability
// triggers refuse items added to a frozen benchmark.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@proda/db";

export interface TPlantedItem {
  question: string;
  options: string[];
  /** Index of the correct option (0 by default). */
  correct?: number;
  relationIds?: string[];
  conceptIds?: string[];
  chunkIds?: string[];
  discipline?: string;
}

const LABELS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

export async function createBenchmark(
  prisma: PrismaClient,
  input: { projectId: string; knowledgeVersionId: string; items: TPlantedItem[]; frozen?: boolean; userId?: string; name?: string },
) {
  const last = await prisma.benchmark.aggregate({ where: { projectId: input.projectId }, _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  const benchmark = await prisma.benchmark.create({
    data: {
      projectId: input.projectId, number, name: input.name ?? `Planted benchmark ${number}`, knowledgeVersionId: input.knowledgeVersionId,
      status: "ready", settings: { planted: true }, providerKind: "builtin", providerName: "factory", createdById: input.userId ?? null,
      finishedAt: new Date(),
    },
  });
  await prisma.benchmarkItem.createMany({
    data: input.items.map((item, position) => {
      const correct = item.correct ?? 0;
      return {
        benchmarkId: benchmark.id, position, key: `planted-${randomBytes(6).toString("hex")}`, kind: "chain", mode: "single",
        question: item.question,
        options: item.options.map((text, i) => ({ label: LABELS[i]!, text, correct: i === correct, distractor: null })),
        answer: LABELS[correct]!, chainId: "planted", relationIds: item.relationIds ?? [], conceptIds: item.conceptIds ?? [],
        chunkIds: item.chunkIds ?? [], discipline: item.discipline ?? "general", chainLength: 2, level: 3, operators: [],
      };
    }),
  });
  if (input.frozen === false) return benchmark;
  return prisma.benchmark.update({ where: { id: benchmark.id }, data: { status: "frozen", frozenAt: new Date(), frozenById: input.userId ?? null } });
}
