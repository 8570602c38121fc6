// Reads the graph to lay out in one query: the concept ids in a fixed order (by id) and the distinct
// undirected pairs between them as index pairs, packed by PostgreSQL into one bytea (8 bytes a pair)
// so that a 1.2M-relation version never becomes a million row objects in the worker.
import { ALL_DISCIPLINES } from "@proda/core";
import { Prisma, type PrismaClient } from "@proda/db";

export interface TLayoutGraph {
  conceptIds: string[];
  /** [a0, b0, a1, b1, …], a < b, sorted. */
  edges: Uint32Array;
  /** Discipline index of each node, for an all-disciplines layout. */
  groups?: Int32Array;
}

export async function loadLayoutGraph(prisma: PrismaClient, versionId: string, discipline: string): Promise<TLayoutGraph> {
  const filter = discipline === ALL_DISCIPLINES ? Prisma.empty : Prisma.sql`AND discipline = ${discipline}`;
  const [row] = await prisma.$queryRaw<{ ids: string[] | null; disciplines: string[] | null; pairs: Uint8Array | null }[]>`
    WITH nodes AS (
      SELECT id, discipline, (row_number() OVER (ORDER BY id) - 1)::int AS idx FROM "Concept" WHERE "versionId" = ${versionId} ${filter}
    ),
    pairs AS (
      SELECT DISTINCT LEAST(s.idx, o.idx) AS a, GREATEST(s.idx, o.idx) AS b
      FROM "Relation" r JOIN nodes s ON s.id = r."subjectId" JOIN nodes o ON o.id = r."objectId"
      WHERE r."versionId" = ${versionId} AND s.idx <> o.idx
    )
    SELECT (SELECT array_agg(id ORDER BY idx) FROM nodes) AS ids,
           ${discipline === ALL_DISCIPLINES ? Prisma.sql`(SELECT array_agg(discipline ORDER BY idx) FROM nodes)` : Prisma.sql`NULL::text[]`} AS disciplines,
           (SELECT string_agg(int4send(a) || int4send(b), ''::bytea ORDER BY a, b) FROM pairs) AS pairs`;
  const conceptIds = row?.ids ?? [];
  const bytes = row?.pairs ?? new Uint8Array(0);
  // int4send is big-endian; read it explicitly rather than relying on the platform's order.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const edges = new Uint32Array(bytes.byteLength / 4);
  for (let i = 0; i < edges.length; i++) edges[i] = view.getUint32(i * 4, false);
  let groups: Int32Array | undefined;
  if (row?.disciplines) {
    const index = new Map<string, number>();
    groups = Int32Array.from(row.disciplines, (d) => index.get(d) ?? index.set(d, index.size).get(d)!);
  }
  return { conceptIds, edges, groups };
}
