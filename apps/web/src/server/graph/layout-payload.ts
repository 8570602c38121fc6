// GET …/layouts/:id/data: the stored typed arrays plus each node's type and degree, and the ids,
// terms and type names as a JSON tail, in the binary format of lib/api-types.ts. One statement reads
// the layout (checked against the project and version) and its concepts in layout order.
import { AppError } from "@proda/core";
import type { PrismaClient } from "@proda/db";
import { LAYOUT_FORMAT_VERSION, LAYOUT_MAGIC, layoutSections, MAX_TYPES } from "@/features/graph/lib/layout-format";

interface Row {
  status: string;
  nodeCount: number;
  edgeCount: number;
  conceptIds: string[];
  positions: Uint8Array | null;
  edges: Uint8Array | null;
  communities: Uint8Array | null;
  terms: string[] | null;
  types: string[] | null;
  degrees: number[] | null;
}

async function loadRow(prisma: PrismaClient, projectId: string, versionId: string, layoutId: string): Promise<Row> {
  const [row] = await prisma.$queryRaw<Row[]>`
    SELECT l.status::text, l."nodeCount", l."edgeCount", l."conceptIds", l.positions, l.edges, l.communities, n.terms, n.types, n.degrees
    FROM "GraphLayout" l JOIN "KnowledgeVersion" v ON v.id = l."versionId"
    LEFT JOIN LATERAL (
      SELECT array_agg(coalesce(c.term, '') ORDER BY u.ord) AS terms, array_agg(coalesce(c.type, '') ORDER BY u.ord) AS types,
             array_agg(coalesce(c.degree, 0) ORDER BY u.ord) AS degrees
      FROM unnest(l."conceptIds") WITH ORDINALITY AS u(id, ord) LEFT JOIN "Concept" c ON c.id = u.id
    ) n ON l.status = 'ready'
    WHERE l.id = ${layoutId} AND l."versionId" = ${versionId} AND v."projectId" = ${projectId}`;
  if (!row) throw new AppError("not_found", "Layout not found");
  if (row.status !== "ready") throw new AppError("conflict", `The layout is ${row.status}; its data is available once it is ready.`);
  return row;
}

/** Type names by frequency (most common first, so palettes give them the clearest colours). */
export function indexTypes(types: string[]): { names: string[]; index: Uint8Array } {
  const counts = new Map<string, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  const names = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b));
  if (names.length > MAX_TYPES) names.splice(MAX_TYPES - 1, Infinity, "…");
  const slot = new Map(names.map((name, i) => [name, i]));
  return { names, index: Uint8Array.from(types, (t) => slot.get(t) ?? MAX_TYPES - 1) };
}

export function encodeLayoutPayload(input: {
  positions: Uint8Array; edges: Uint8Array; communities: Uint8Array; conceptIds: string[]; terms: string[]; types: string[]; degrees: number[];
}): Uint8Array {
  const n = input.conceptIds.length;
  const m = input.edges.byteLength / 8;
  if (input.positions.byteLength !== 8 * n || input.communities.byteLength !== 4 * n) throw new Error("Layout arrays do not match its node count");
  const { names, index } = indexTypes(input.types);
  const json = new TextEncoder().encode(JSON.stringify({ conceptIds: input.conceptIds, terms: input.terms, types: names }));
  const at = layoutSections(n, m);
  const out = new Uint8Array(at.json + json.byteLength);
  const view = new DataView(out.buffer);
  [LAYOUT_MAGIC, LAYOUT_FORMAT_VERSION, n, m].forEach((v, i) => view.setUint32(i * 4, v, true));
  out.set(input.positions, at.positions);
  out.set(input.edges, at.edges);
  out.set(input.communities, at.communities);
  out.set(index, at.types);
  for (let i = 0; i < n; i++) view.setUint32(at.degrees + 4 * i, input.degrees[i] ?? 0, true);
  view.setUint32(at.jsonLength, json.byteLength, true);
  out.set(json, at.json);
  return out;
}

export async function loadLayoutPayload(prisma: PrismaClient, projectId: string, versionId: string, layoutId: string): Promise<Uint8Array> {
  const row = await loadRow(prisma, projectId, versionId, layoutId);
  return encodeLayoutPayload({
    positions: row.positions ?? new Uint8Array(0),
    edges: row.edges ?? new Uint8Array(0),
    communities: row.communities ?? new Uint8Array(0),
    conceptIds: row.conceptIds,
    terms: row.terms ?? [],
    types: row.types ?? [],
    degrees: row.degrees ?? [],
  });
}
