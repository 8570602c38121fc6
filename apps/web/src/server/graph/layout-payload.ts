// GET …/layouts/:id/data: the stored typed arrays plus each node's type and degree, and the ids,
// terms and type names as a JSON tail, in the binary format of lib/api-types.ts. PostgreSQL builds
// the per-node parts and the JSON text in one statement (300k nodes: ~1 s, where reading the arrays
// into JavaScript and serialising them again took ~2.6 s).
import { AppError } from "@proda/core";
import type { PrismaClient } from "@proda/db";
import { LAYOUT_FORMAT_VERSION, LAYOUT_MAGIC, layoutSections, MAX_TYPES } from "@/features/graph/lib/layout-format";

interface Row {
  status: string;
  positions: Uint8Array | null;
  edges: Uint8Array | null;
  communities: Uint8Array | null;
  /** The JSON tail, built by PostgreSQL (no 300k-element arrays to parse and re-serialise here). */
  tail: string | null;
  typeIndex: Uint8Array | null;
  /** Big-endian int4 per node (int4send). */
  degrees: Uint8Array | null;
}

/**
 * One statement: the layout (checked against project and version) and, in layout order, each
 * concept's term (into the JSON tail), type index (types numbered by frequency, so palettes give the
 * commonest the clearest colours; the 255th and beyond share the last slot, named "…") and degree.
 */
async function loadRow(prisma: PrismaClient, projectId: string, versionId: string, layoutId: string): Promise<Row> {
  const [row] = await prisma.$queryRaw<Row[]>`
    WITH l AS (
      SELECT l.* FROM "GraphLayout" l JOIN "KnowledgeVersion" v ON v.id = l."versionId"
      WHERE l.id = ${layoutId} AND l."versionId" = ${versionId} AND v."projectId" = ${projectId}
    ),
    n AS (
      SELECT u.ord, coalesce(c.term, '') AS term, coalesce(c.type, '') AS type, coalesce(c.degree, 0) AS degree
      FROM l, unnest(l."conceptIds") WITH ORDINALITY AS u(id, ord) LEFT JOIN "Concept" c ON c.id = u.id
      WHERE l.status = 'ready'
    ),
    t AS (SELECT type, (row_number() OVER (ORDER BY count(*) DESC, type) - 1)::int AS idx FROM n GROUP BY type),
    many AS (SELECT count(*) > ${MAX_TYPES} AS over FROM t)
    SELECT l.status::text, l.positions, l.edges, l.communities,
      (SELECT json_build_object(
         'conceptIds', to_json(l."conceptIds"),
         'terms', coalesce((SELECT json_agg(term ORDER BY ord) FROM n), '[]'::json),
         'types', coalesce((SELECT json_agg(CASE WHEN idx = ${MAX_TYPES - 1} AND many.over THEN '…' ELSE type END ORDER BY idx) FROM t, many WHERE idx < ${MAX_TYPES}), '[]'::json)
       )::text) AS tail,
      (SELECT string_agg(set_byte(decode('00', 'hex'), 0, least(t.idx, ${MAX_TYPES - 1})), ''::bytea ORDER BY n.ord) FROM n JOIN t USING (type)) AS "typeIndex",
      (SELECT string_agg(int4send(degree), ''::bytea ORDER BY ord) FROM n) AS degrees
    FROM l`;
  if (!row) throw new AppError("not_found", "Layout not found");
  if (row.status !== "ready") throw new AppError("conflict", `The layout is ${row.status}; its data is available once it is ready.`);
  return row;
}

export interface TPayloadParts {
  positions: Uint8Array;
  edges: Uint8Array;
  communities: Uint8Array;
  typeIndex: Uint8Array;
  degrees: Uint32Array;
  /** UTF-8 JSON { conceptIds, terms, types }. */
  tail: string;
}

export function encodeLayoutPayload(parts: TPayloadParts): Uint8Array {
  const n = parts.typeIndex.byteLength;
  const m = parts.edges.byteLength / 8;
  if (parts.positions.byteLength !== 8 * n || parts.communities.byteLength !== 4 * n || parts.degrees.length !== n) throw new Error("Layout arrays do not match its node count");
  const json = new TextEncoder().encode(parts.tail);
  const at = layoutSections(n, m);
  const out = new Uint8Array(at.json + json.byteLength);
  const view = new DataView(out.buffer);
  [LAYOUT_MAGIC, LAYOUT_FORMAT_VERSION, n, m].forEach((v, i) => view.setUint32(i * 4, v, true));
  out.set(parts.positions, at.positions);
  out.set(parts.edges, at.edges);
  out.set(parts.communities, at.communities);
  out.set(parts.typeIndex, at.types);
  for (let i = 0; i < n; i++) view.setUint32(at.degrees + 4 * i, parts.degrees[i]!, true);
  view.setUint32(at.jsonLength, json.byteLength, true);
  out.set(json, at.json);
  return out;
}

export async function loadLayoutPayload(prisma: PrismaClient, projectId: string, versionId: string, layoutId: string): Promise<Uint8Array> {
  const row = await loadRow(prisma, projectId, versionId, layoutId);
  const be = row.degrees ?? new Uint8Array(0);
  const view = new DataView(be.buffer, be.byteOffset, be.byteLength);
  const degrees = Uint32Array.from({ length: be.byteLength / 4 }, (_, i) => view.getUint32(4 * i, false));
  return encodeLayoutPayload({
    positions: row.positions ?? new Uint8Array(0),
    edges: row.edges ?? new Uint8Array(0),
    communities: row.communities ?? new Uint8Array(0),
    typeIndex: row.typeIndex ?? new Uint8Array(0),
    degrees,
    tail: row.tail ?? '{"conceptIds":[],"terms":[],"types":[]}',
  });
}
