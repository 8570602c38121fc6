// Whole-version (or one discipline) graph exports, streamed page by page so a 300k-concept graph
// never sits in memory: compact JSON, GraphML, and Neo4j's bulk-import CSV (nodes and relationships).
import type { PrismaClient } from "@proda/db";

export const EXPORT_FORMATS = ["json", "graphml", "neo4j-nodes", "neo4j-relationships"] as const;
export type TExportFormat = (typeof EXPORT_FORMATS)[number];

const PAGE = 5000;
const xml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const csv = (s: string | null) => `"${(s ?? "").replace(/"/g, '""').replace(/[\r\n]+/g, " ")}"`;

async function* pages<T extends { id: string }>(fetch: (after: string | null) => Promise<T[]>) {
  let after: string | null = null;
  for (;;) {
    const rows = await fetch(after);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

export async function* exportGraph(prisma: PrismaClient, versionId: string, format: TExportFormat, discipline?: string): AsyncGenerator<string> {
  const concepts = () =>
    pages((after) =>
      prisma.concept.findMany({
        where: { versionId, discipline, ...(after ? { id: { gt: after } } : {}) },
        select: { id: true, key: true, term: true, type: true, discipline: true, definition: true, aliases: true },
        orderBy: { id: "asc" },
        take: PAGE,
      }),
    );
  const relations = () =>
    pages((after) =>
      prisma.relation.findMany({
        where: { versionId, discipline, ...(after ? { id: { gt: after } } : {}) },
        select: { id: true, subjectId: true, objectId: true, type: true, predicate: true, negated: true, chunkId: true, quoteStart: true, quoteEnd: true },
        orderBy: { id: "asc" },
        take: PAGE,
      }),
    );

  if (format === "json") {
    // Compact: concepts as [id, term, type, discipline], relations as [id, subject, object, type, negated].
    yield `{"version":${JSON.stringify(versionId)},"concepts":[`;
    let first = true;
    for await (const page of concepts()) {
      for (const c of page) {
        yield `${first ? "" : ","}${JSON.stringify([c.id, c.term, c.type, c.discipline])}`;
        first = false;
      }
    }
    yield `],"relations":[`;
    first = true;
    for await (const page of relations()) {
      for (const r of page) {
        yield `${first ? "" : ","}${JSON.stringify([r.id, r.subjectId, r.objectId, r.type, r.negated])}`;
        first = false;
      }
    }
    yield "]}";
  } else if (format === "graphml") {
    yield `<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n`;
    yield `<key id="term" for="node" attr.name="term" attr.type="string"/><key id="type" for="node" attr.name="type" attr.type="string"/>`;
    yield `<key id="discipline" for="node" attr.name="discipline" attr.type="string"/><key id="relation" for="edge" attr.name="relation" attr.type="string"/>`;
    yield `<key id="negated" for="edge" attr.name="negated" attr.type="boolean"/>\n<graph id="${xml(versionId)}" edgedefault="directed">\n`;
    for await (const page of concepts()) {
      yield page.map((c) => `<node id="${xml(c.id)}"><data key="term">${xml(c.term)}</data><data key="type">${xml(c.type)}</data><data key="discipline">${xml(c.discipline)}</data></node>\n`).join("");
    }
    for await (const page of relations()) {
      yield page.map((r) => `<edge id="${xml(r.id)}" source="${xml(r.subjectId)}" target="${xml(r.objectId)}"><data key="relation">${xml(r.type)}</data><data key="negated">${r.negated}</data></edge>\n`).join("");
    }
    yield "</graph>\n</graphml>\n";
  } else if (format === "neo4j-nodes") {
    yield "conceptId:ID,term,type,discipline,definition,aliases:string[],:LABEL\n";
    for await (const page of concepts()) {
      yield page.map((c) => `${csv(c.id)},${csv(c.term)},${csv(c.type)},${csv(c.discipline)},${csv(c.definition)},${csv(c.aliases.join(";"))},Concept\n`).join("");
    }
  } else {
    yield ":START_ID,:END_ID,:TYPE,predicate,negated:boolean,chunkId,quoteStart:int,quoteEnd:int\n";
    for await (const page of relations()) {
      yield page.map((r) => `${csv(r.subjectId)},${csv(r.objectId)},${r.type.toUpperCase()},${csv(r.predicate)},${r.negated},${csv(r.chunkId)},${r.quoteStart},${r.quoteEnd}\n`).join("");
    }
  }
}

export const EXPORT_CONTENT_TYPES: Record<TExportFormat, [string, string]> = {
  json: ["application/json", "json"],
  graphml: ["application/graphml+xml", "graphml"],
  "neo4j-nodes": ["text/csv", "nodes.csv"],
  "neo4j-relationships": ["text/csv", "relationships.csv"],
};
