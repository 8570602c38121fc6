// The shortest path between two concepts (relations taken in either direction), by bidirectional
// breadth-first search: each hop level costs one statement (both index scans of the smaller
// frontier), capped in frontier size and rows so a hub cannot blow up a request; one more statement
// reads the terms. Nothing within `maxHops` → an empty path.
import { AppError } from "@proda/core";
import type { PrismaClient } from "@proda/db";
import { z } from "zod";
import type { TPathDto } from "@/lib/api-types";

export const ZPathQuery = z.object({
  from: z.string().min(1).max(64),
  to: z.string().min(1).max(64),
  maxHops: z.coerce.number().int().min(1).max(6).default(4),
});
export type TPathQuery = z.infer<typeof ZPathQuery>;

/** Nodes expanded per level and rows read per level: bounds a request to ~100 ms on a 1.2M graph. */
export const FRONTIER_CAP = 2_000;
export const ROWS_CAP = 50_000;

interface Step {
  prev: string;
  edge: { id: string; source: string; target: string; type: string };
}

interface Side {
  frontier: string[];
  reached: Map<string, Step | null>;
  depth: Map<string, number>;
  level: number;
}

const start = (id: string): Side => ({ frontier: [id], reached: new Map([[id, null]]), depth: new Map([[id, 0]]), level: 0 });

async function expand(prisma: PrismaClient, versionId: string, side: Side, other: Side): Promise<string | null> {
  const frontier = side.frontier.slice(0, FRONTIER_CAP);
  const rows = await prisma.$queryRaw<{ id: string; s: string; o: string; type: string }[]>`
    (SELECT id, "subjectId" AS s, "objectId" AS o, type FROM "Relation" WHERE "versionId" = ${versionId} AND "subjectId" = ANY(${frontier}) LIMIT ${ROWS_CAP})
    UNION ALL
    (SELECT id, "subjectId", "objectId", type FROM "Relation" WHERE "versionId" = ${versionId} AND "objectId" = ANY(${frontier}) LIMIT ${ROWS_CAP})`;
  const inFrontier = new Set(frontier);
  const next: string[] = [];
  side.level++;
  // Of the nodes where the searches meet, the one nearest the other end gives the shortest path.
  let meeting: string | null = null;
  for (const row of rows) {
    for (const [from, to] of [[row.s, row.o], [row.o, row.s]] as const) {
      if (!inFrontier.has(from) || side.reached.has(to)) continue;
      side.reached.set(to, { prev: from, edge: { id: row.id, source: row.s, target: row.o, type: row.type } });
      side.depth.set(to, side.level);
      next.push(to);
      if (other.depth.has(to) && (!meeting || other.depth.get(to)! < other.depth.get(meeting)!)) meeting = to;
    }
  }
  side.frontier = next;
  return meeting;
}

function walk(side: Side, from: string): { nodes: string[]; edges: Step["edge"][] } {
  const nodes = [from];
  const edges: Step["edge"][] = [];
  for (let step = side.reached.get(from); step; step = side.reached.get(step.prev)) {
    nodes.push(step.prev);
    edges.push(step.edge);
  }
  return { nodes, edges };
}

export async function findPath(prisma: PrismaClient, versionId: string, query: TPathQuery): Promise<TPathDto> {
  const ends = await prisma.concept.findMany({ where: { versionId, id: { in: [query.from, query.to] } }, select: { id: true, term: true } });
  if (ends.length < new Set([query.from, query.to]).size) throw new AppError("not_found", "Concept not found");
  if (query.from === query.to) return { nodes: ends, edges: [], hops: 0 };
  const a = start(query.from);
  const b = start(query.to);
  let meeting: string | null = null;
  for (let hops = 0; hops < query.maxHops && !meeting; hops++) {
    if (a.frontier.length === 0 || b.frontier.length === 0) break;
    // Expanding the smaller side keeps both searches near the square root of a one-sided search.
    meeting = a.frontier.length <= b.frontier.length ? await expand(prisma, versionId, a, b) : await expand(prisma, versionId, b, a);
  }
  if (!meeting) return { nodes: [], edges: [], hops: null };
  const left = walk(a, meeting); // meeting … from
  const right = walk(b, meeting); // meeting … to
  const ids = [...left.nodes.reverse(), ...right.nodes.slice(1)];
  const edges = [...left.edges.reverse(), ...right.edges];
  const terms = new Map((await prisma.concept.findMany({ where: { id: { in: ids } }, select: { id: true, term: true } })).map((c) => [c.id, c.term]));
  return { nodes: ids.map((id) => ({ id, term: terms.get(id) ?? "" })), edges, hops: edges.length };
}
