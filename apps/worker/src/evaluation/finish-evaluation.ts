// The end of an evaluation: accuracy per discipline, level, chain length and operator over every
// stored result, then status ready and frozen in one update — from here on the database triggers
// refuse any change to the evaluation or its results (DESIGN invariant 3).
import type { Prisma, PrismaClient } from "@proda/db";
import { summarizeResults, type TEvaluationSummary } from "@proda/engine";
import type { TEvalItem } from "./load-items.ts";

export async function finishEvaluation(prisma: PrismaClient, evaluationId: string, items: readonly TEvalItem[]): Promise<TEvaluationSummary> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const results = await prisma.evaluationResult.findMany({ where: { evaluationId }, select: { itemId: true, correct: true, parsed: true, chosenOperators: true } });
  const summary = summarizeResults(
    results.flatMap((r) => {
      const item = byId.get(r.itemId);
      return item ? [{ ...r, discipline: item.discipline, level: item.level, chainLength: item.chainLength, operators: item.operators }] : [];
    }),
  );
  const now = new Date();
  // Guarded: a duplicate job finishing the same evaluation second finds it frozen and changes nothing.
  await prisma.evaluation.updateMany({
    where: { id: evaluationId, frozenAt: null },
    data: { status: "ready", summary: summary as unknown as Prisma.InputJsonValue, itemsDone: results.length, error: null, finishedAt: now, frozenAt: now },
  });
  return summary;
}
