// Cancel and resume rewrite a loop's status and timeline from what they read; the runner writes
// them too. Holding the row lock between the read and the write makes each change whole: the
// runner's guarded update waits, then finds the loop changed and stops.
import type { LoopRun, Prisma, PrismaClient } from "@proda/db";

export function withLockedLoop<T>(prisma: PrismaClient, loopId: string, fn: (tx: Prisma.TransactionClient, loop: LoopRun) => Promise<T>): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "LoopRun" WHERE id = ${loopId} FOR UPDATE`;
    return fn(tx, await tx.loopRun.findUniqueOrThrow({ where: { id: loopId } }));
  });
}
