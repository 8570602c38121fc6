// 1- and 2-hop neighbourhoods in one round trip: a single statement checks that the concept belongs
// to the project's version, walks the subject and object indexes (capped per hop and direction) and
// returns edges and nodes as JSON arrays (one row, no per-row decoding). bench/graph-api.ts measures
// it on a 300k-concept / 1.2M-relation version.
import type { PrismaClient } from "@proda/db";
import type { TNeighbourhoodDto } from "@/lib/api-types";

type EdgeTuple = [id: string, source: string, target: string, type: string, negated: boolean, hop: number];
type NodeTuple = [id: string, term: string, type: string, degree: number, hop: number];

interface Row {
  found: boolean;
  truncated: boolean;
  edges: EdgeTuple[] | null;
  nodes: NodeTuple[] | null;
}

/**
 * The neighbourhood with its access check in the same statement: null when the concept is not in
 * that version of that project. One round trip in all.
 */
export async function findNeighbourhood(
  prisma: PrismaClient,
  projectId: string,
  versionId: string,
  center: string,
  hops: 1 | 2,
  cap: number,
): Promise<TNeighbourhoodDto | null> {
  const [row] = await prisma.$queryRaw<Row[]>`
    WITH c AS (
      SELECT co.id FROM "Concept" co JOIN "KnowledgeVersion" v ON v.id = co."versionId"
      WHERE co.id = ${center} AND co."versionId" = ${versionId} AND v."projectId" = ${projectId}
    ),
    e1 AS (
      (SELECT r.id, r."subjectId" AS source, r."objectId" AS target, r.type, r.negated FROM "Relation" r JOIN c ON r."subjectId" = c.id
        WHERE r."versionId" = ${versionId} LIMIT ${cap})
      UNION ALL
      (SELECT r.id, r."subjectId", r."objectId", r.type, r.negated FROM "Relation" r JOIN c ON r."objectId" = c.id
        WHERE r."versionId" = ${versionId} LIMIT ${cap})
    ),
    n1 AS (SELECT DISTINCT CASE WHEN source = ${center} THEN target ELSE source END AS id FROM e1),
    e2 AS (
      (SELECT r.id, r."subjectId" AS source, r."objectId" AS target, r.type, r.negated FROM "Relation" r JOIN n1 ON r."subjectId" = n1.id
        WHERE ${hops}::int = 2 AND r."versionId" = ${versionId} LIMIT ${cap})
      UNION ALL
      (SELECT r.id, r."subjectId", r."objectId", r.type, r.negated FROM "Relation" r JOIN n1 ON r."objectId" = n1.id
        WHERE ${hops}::int = 2 AND r."versionId" = ${versionId} LIMIT ${cap})
    ),
    -- An edge found at both hops counts at hop 1; a node takes the lowest hop of the edges touching it.
    edges AS (
      SELECT DISTINCT ON (id) id, source, target, type, negated, hop FROM (
        SELECT *, 1 AS hop FROM e1 UNION ALL SELECT *, 2 FROM e2) x ORDER BY id, hop
    ),
    nodes AS (
      SELECT DISTINCT ON (id) id, hop FROM (
        SELECT id, 0 AS hop FROM c UNION ALL SELECT source, hop FROM edges UNION ALL SELECT target, hop FROM edges) x ORDER BY id, hop
    )
    SELECT EXISTS (SELECT 1 FROM c) AS found,
      ((SELECT count(*) FROM e1) >= ${cap} OR (SELECT count(*) FROM e2) >= ${cap}) AS truncated,
      (SELECT json_agg(json_build_array(id, source, target, type, negated, hop)) FROM edges) AS edges,
      (SELECT json_agg(json_build_array(co.id, co.term, co.type, co.degree, n.hop)) FROM nodes n JOIN "Concept" co ON co.id = n.id) AS nodes`;
  if (!row?.found) return null;
  return {
    center,
    hops,
    truncated: row.truncated,
    nodes: (row.nodes ?? []).map(([id, term, type, degree, hop]) => ({ id, term, type, degree, hop })),
    edges: (row.edges ?? []).map(([id, source, target, type, negated]) => ({ id, source, target, type, negated })),
  };
}
