// 1- and 2-hop neighbourhoods in two round trips: one recursive-free CTE for the edges (capped per
// hop, using the subject and object indexes), one lookup for the nodes.
import type { PrismaClient } from "@proda/db";
import type { TNeighbourhoodDto } from "@/lib/api-types";

interface EdgeRow {
  id: string;
  source: string;
  target: string;
  type: string;
  negated: boolean;
  hop: number;
}

export async function loadNeighbourhood(
  prisma: PrismaClient,
  versionId: string,
  center: string,
  hops: 1 | 2,
  cap: number,
): Promise<TNeighbourhoodDto> {
  const edges = await prisma.$queryRaw<EdgeRow[]>`
    WITH e1 AS (
      (SELECT id, "subjectId" AS source, "objectId" AS target, type, negated FROM "Relation"
        WHERE "versionId" = ${versionId} AND "subjectId" = ${center} LIMIT ${cap})
      UNION ALL
      (SELECT id, "subjectId", "objectId", type, negated FROM "Relation"
        WHERE "versionId" = ${versionId} AND "objectId" = ${center} LIMIT ${cap})
    ),
    n1 AS (SELECT DISTINCT CASE WHEN source = ${center} THEN target ELSE source END AS id FROM e1),
    e2 AS (
      (SELECT r.id, r."subjectId", r."objectId", r.type, r.negated FROM "Relation" r JOIN n1 ON r."subjectId" = n1.id
        WHERE ${hops} = 2 AND r."versionId" = ${versionId} LIMIT ${cap})
      UNION ALL
      (SELECT r.id, r."subjectId", r."objectId", r.type, r.negated FROM "Relation" r JOIN n1 ON r."objectId" = n1.id
        WHERE ${hops} = 2 AND r."versionId" = ${versionId} LIMIT ${cap})
    )
    SELECT id, source, target, type, negated, 1 AS hop FROM e1
    UNION
    SELECT id, "subjectId", "objectId", type, negated, 2 FROM e2`;
  const unique = new Map<string, EdgeRow>();
  for (const e of edges) if (!unique.has(e.id) || e.hop === 1) unique.set(e.id, e);
  // Direct neighbours first: a node reached by a 1-hop edge is at hop 1 whatever else reaches it.
  const hopOf = new Map<string, number>([[center, 0]]);
  const byHop = [...unique.values()].sort((a, b) => Number(a.hop) - Number(b.hop));
  for (const e of byHop) {
    for (const id of [e.source, e.target]) if (!hopOf.has(id)) hopOf.set(id, Number(e.hop));
  }
  const nodes = await prisma.concept.findMany({
    where: { id: { in: [...hopOf.keys()] } },
    select: { id: true, term: true, type: true, degree: true },
  });
  return {
    center,
    hops,
    truncated: edges.length >= cap * (hops === 2 ? 2 : 1),
    nodes: nodes.map((n) => ({ ...n, hop: hopOf.get(n.id) ?? 0 })),
    edges: [...unique.values()].map(({ id, source, target, type, negated }) => ({ id, source, target, type, negated })),
  };
}
