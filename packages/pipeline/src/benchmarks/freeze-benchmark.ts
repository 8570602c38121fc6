// Freezing makes a ready benchmark immutable (database triggers refuse any later write) and records
// the nodes it tests — every chain, relation and concept of its non-rejected items, with item counts.
// Its knowledge version freezes with it: edits there would change what the items mean. One
// transaction, so a benchmark is never frozen without its node marks or the other way round.
import { AppError } from "@proda/core";
import type { Benchmark, Prisma, PrismaClient } from "@proda/db";
import { audit } from "../audit.ts";

type TNode = Prisma.BenchmarkNodeCreateManyInput;

function countNodes(benchmarkId: string, items: { chainId: string; relationIds: string[]; conceptIds: string[] }[]): TNode[] {
  const counts = new Map<string, TNode>();
  const bump = (nodeType: string, nodeId: string) => {
    const key = `${nodeType}:${nodeId}`;
    const node = counts.get(key) ?? { benchmarkId, nodeType, nodeId, items: 0 };
    node.items++;
    counts.set(key, node);
  };
  for (const item of items) {
    bump("chain", item.chainId);
    for (const id of new Set(item.relationIds)) bump("relation", id);
    for (const id of new Set(item.conceptIds)) bump("concept", id);
  }
  return [...counts.values()];
}

export async function freezeBenchmark(prisma: PrismaClient, benchmark: Benchmark, userId: string): Promise<Benchmark> {
  if (benchmark.frozenAt) throw new AppError("conflict", `Benchmark ${benchmark.number} is already frozen.`);
  if (benchmark.status !== "ready") throw new AppError("conflict", `Benchmark ${benchmark.number} is ${benchmark.status}; only a ready benchmark can be frozen.`);
  const frozenAt = new Date();
  const { frozen, nodes } = await prisma.$transaction(
    async (tx) => {
      const items = await tx.benchmarkItem.findMany({ where: { benchmarkId: benchmark.id, review: { not: "rejected" } }, select: { chainId: true, relationIds: true, conceptIds: true } });
      if (items.length === 0) throw new AppError("conflict", `Benchmark ${benchmark.number} has no items left to freeze (all rejected or none generated).`);
      const nodes = countNodes(benchmark.id, items);
      await tx.benchmarkNode.createMany({ data: nodes, skipDuplicates: true });
      // Only a version not frozen yet: a frozen row refuses every update, the same timestamp included.
      if (benchmark.knowledgeVersionId) await tx.knowledgeVersion.updateMany({ where: { id: benchmark.knowledgeVersionId, frozenAt: null }, data: { frozenAt } });
      // Guarded on the state checked above, so a concurrent freeze or re-run cannot slip between.
      const { count } = await tx.benchmark.updateMany({ where: { id: benchmark.id, status: "ready", frozenAt: null }, data: { status: "frozen", frozenAt, frozenById: userId } });
      if (count !== 1) throw new AppError("conflict", `Benchmark ${benchmark.number} changed meanwhile; reload and try again.`);
      return { frozen: await tx.benchmark.findUniqueOrThrow({ where: { id: benchmark.id } }), nodes };
    },
    { timeout: 60_000 },
  );
  const byType = (t: string) => nodes.filter((n) => n.nodeType === t).length;
  await audit({
    actorId: userId, projectId: benchmark.projectId, action: "benchmark.freeze", targetType: "benchmark", targetId: benchmark.id,
    detail: { number: benchmark.number, knowledgeVersionId: benchmark.knowledgeVersionId, chains: byType("chain"), relations: byType("relation"), concepts: byType("concept") },
  });
  return frozen;
}
