// Readable names of knowledge nodes for tables and charts: a concept's term, a relation as
// "subject predicate object", a chain's title. One query per node type.
import type { PrismaClient } from "@proda/db";

export async function loadNodeLabels(prisma: PrismaClient, nodes: readonly { nodeType: string; nodeId: string }[]): Promise<Map<string, string>> {
  const ids = (type: string) => nodes.filter((n) => n.nodeType === type).map((n) => n.nodeId);
  const [relations, chains] = await Promise.all([
    prisma.relation.findMany({ where: { id: { in: ids("relation") } }, select: { id: true, subjectId: true, objectId: true, predicate: true, negated: true } }),
    prisma.chain.findMany({ where: { id: { in: ids("chain") } }, select: { id: true, title: true } }),
  ]);
  const conceptIds = [...new Set([...ids("concept"), ...relations.flatMap((r) => [r.subjectId, r.objectId])])];
  const concepts = await prisma.concept.findMany({ where: { id: { in: conceptIds } }, select: { id: true, term: true } });
  const labels = new Map<string, string>(concepts.map((c) => [c.id, c.term]));
  for (const r of relations) labels.set(r.id, `${labels.get(r.subjectId) ?? "?"} ${r.negated ? "not " : ""}${r.predicate} ${labels.get(r.objectId) ?? "?"}`);
  for (const c of chains) labels.set(c.id, c.title);
  return labels;
}
