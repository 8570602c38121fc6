// A knowledge version as the Builder reads it: concepts with their mentions, relations with their
// quote spans, and every chunk either of them cites (with its document and discipline). Read page
// by page so a 200k-concept version is never one giant query.
import type { PrismaClient } from "@proda/db";
import type { TBuilderChunk, TBuilderConcept, TBuilderInput, TBuilderRelation } from "@proda/engine";

const PAGE = 5000;

async function readPages<T extends { id: string }>(fetch: (after: string | null) => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  for (let after: string | null = null; ; ) {
    const rows = await fetch(after);
    all.push(...rows);
    if (rows.length < PAGE) return all;
    after = rows[rows.length - 1]!.id;
  }
}

export async function loadBuilderInput(prisma: PrismaClient, versionId: string): Promise<TBuilderInput> {
  const after = (id: string | null) => (id ? { id: { gt: id } } : {});
  const conceptRows = await readPages((id) =>
    prisma.concept.findMany({
      where: { versionId, ...after(id) },
      select: { id: true, key: true, term: true, aliases: true, definition: true, type: true, discipline: true, mentions: true },
      orderBy: { id: "asc" },
      take: PAGE,
    }),
  );
  const relations: TBuilderRelation[] = await readPages((id) =>
    prisma.relation.findMany({
      where: { versionId, ...after(id) },
      select: { id: true, subjectId: true, objectId: true, type: true, predicate: true, negated: true, chunkId: true, quoteStart: true, quoteEnd: true, discipline: true },
      orderBy: { id: "asc" },
      take: PAGE,
    }),
  );
  const concepts: TBuilderConcept[] = conceptRows.map((c) => ({ ...c, mentions: c.mentions as unknown as TBuilderConcept["mentions"] }));

  const chunkIds = new Set<string>(relations.map((r) => r.chunkId));
  for (const concept of concepts) for (const mention of concept.mentions) chunkIds.add(mention.chunkId);
  const ids = [...chunkIds];
  const chunks = new Map<string, TBuilderChunk>();
  for (let i = 0; i < ids.length; i += PAGE) {
    const rows = await prisma.chunk.findMany({
      where: { id: { in: ids.slice(i, i + PAGE) } },
      select: { id: true, text: true, documentId: true, document: { select: { discipline: true } } },
    });
    for (const row of rows) chunks.set(row.id, { text: row.text, documentId: row.documentId, discipline: row.document.discipline });
  }
  return { concepts, relations, chunks };
}
