// One item's result, written as soon as it is known (DESIGN invariant 6), with the evaluation's
// counters in the same transaction. The insert skips an item already stored, so a duplicate delivery
// or two racing workers can neither store an item twice nor count its tokens twice.
import type { Prisma, PrismaClient } from "@proda/db";
import type { TAnswer } from "./create-answerer.ts";

export async function storeResult(
  prisma: PrismaClient,
  row: Prisma.EvaluationResultCreateManyInput,
  usage: Pick<TAnswer, "promptTokens" | "completionTokens" | "costUsd">,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.evaluationResult.createMany({ data: [row], skipDuplicates: true });
    if (count === 0) return false;
    await tx.evaluation.update({
      where: { id: row.evaluationId },
      data: {
        itemsDone: { increment: 1 },
        promptTokens: { increment: usage.promptTokens },
        completionTokens: { increment: usage.completionTokens },
        costUsd: { increment: usage.costUsd },
      },
    });
    return true;
  });
}
