// Finalize of an extraction run: canonicalise the per-chunk concepts across the project, then write
// the version's concepts, relations and chains in bulk with every provenance link. Rebuilt from the
// stored chunk results each time, so a retry after a crash writes the same graph once.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@proda/db";
import { canonicalizeConcepts, type TExtractedChunk } from "@proda/engine";

const newId = () => `c${randomBytes(12).toString("base64url")}`;
const INSERT_PAGE = 5000;

export interface TChunkResultRow {
  chunkId: string;
  documentId: string;
  discipline: string;
  extracted: TExtractedChunk;
}

export interface TBuiltGraph {
  concepts: { id: string; key: string; discipline: string }[];
  relations: { id: string; subjectId: string; objectId: string; discipline: string }[];
  chains: { id: string; discipline: string; steps: number }[];
}

async function insertInPages<T>(rows: T[], insert: (page: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += INSERT_PAGE) await insert(rows.slice(i, i + INSERT_PAGE));
}

export async function buildGraph(prisma: PrismaClient, versionId: string, results: TChunkResultRow[]): Promise<TBuiltGraph> {
  const disciplineOf = new Map(results.map((r) => [r.chunkId, r.discipline]));
  const { canonical, keyMap } = canonicalizeConcepts(results.map((r) => ({ chunkId: r.chunkId, concepts: r.extracted.concepts })));

  // Definitions per mention, for provenance; a concept's discipline is that of its first mention.
  const definitionOf = new Map<string, string | null>();
  for (const r of results) for (const c of r.extracted.concepts) definitionOf.set(`${r.chunkId}:${c.key}`, c.definition);
  const concepts = canonical.map((c) => ({
    id: newId(), key: c.key, term: c.term, aliases: c.aliases, definition: c.definition, type: c.type,
    discipline: disciplineOf.get(c.mentions[0]!.chunkId) ?? "general",
    mentions: c.mentions.map((m) => ({ chunkId: m.chunkId, conceptKey: m.conceptKey, definition: definitionOf.get(`${m.chunkId}:${m.conceptKey}`) ?? null })),
  }));
  const conceptId = new Map(concepts.map((c) => [c.key, c.id]));

  const relations: { id: string; subjectId: string; objectId: string; type: string; predicate: string; negated: boolean; chunkId: string; quoteStart: number; quoteEnd: number; discipline: string }[] = [];
  const relationId = new Map<string, string>();
  for (const r of results) {
    for (const rel of r.extracted.relations) {
      const subjectId = conceptId.get(keyMap.get(`${r.chunkId}:${rel.subject}`) ?? "");
      const objectId = conceptId.get(keyMap.get(`${r.chunkId}:${rel.object}`) ?? "");
      if (!subjectId || !objectId) continue; // verified extractions always resolve; defensive
      const id = newId();
      relationId.set(`${r.chunkId}:${rel.key}`, id);
      relations.push({ id, subjectId, objectId, type: rel.type, predicate: rel.predicate, negated: rel.negated, chunkId: r.chunkId, quoteStart: rel.quote.start, quoteEnd: rel.quote.end, discipline: r.discipline });
    }
  }

  const chains = results.flatMap((r) =>
    r.extracted.chains.map((chain) => {
      const steps = chain.steps.map((s) => ({ order: s.order, relationId: relationId.get(`${r.chunkId}:${s.relationKey}`) ?? "", text: s.text })).filter((s) => s.relationId);
      return {
        id: newId(), chunkId: r.chunkId, documentId: r.documentId, discipline: r.discipline, title: chain.title, steps, stepCount: steps.length,
        preconditions: chain.preconditions.map((p) => ({ text: p.text, start: p.span.start, end: p.span.end })),
        negativeConstraints: chain.negativeConstraints.map((n) => ({ text: n.text, start: n.span.start, end: n.span.end, relationId: n.relationKey ? (relationId.get(`${r.chunkId}:${n.relationKey}`) ?? null) : null })),
      };
    }),
  );

  await prisma.$transaction(async (tx) => {
    await tx.chain.deleteMany({ where: { versionId } });
    await tx.relation.deleteMany({ where: { versionId } });
    await tx.concept.deleteMany({ where: { versionId } });
    await insertInPages(concepts, (page) => tx.concept.createMany({ data: page.map((c) => ({ ...c, versionId })) }));
    await insertInPages(relations, (page) => tx.relation.createMany({ data: page.map((rel) => ({ ...rel, versionId })) }));
    await insertInPages(chains, (page) => tx.chain.createMany({ data: page.map((c) => ({ ...c, versionId })) }));
    // Degree = number of relations touching the concept (both directions).
    await tx.$executeRaw`
      UPDATE "Concept" c SET degree = d.n FROM (
        SELECT id, count(*)::int AS n FROM (
          SELECT "subjectId" AS id FROM "Relation" WHERE "versionId" = ${versionId}
          UNION ALL SELECT "objectId" FROM "Relation" WHERE "versionId" = ${versionId}) e GROUP BY id) d
      WHERE c.id = d.id`;
  }, { timeout: 600_000 });

  return {
    concepts: concepts.map((c) => ({ id: c.id, key: c.key, discipline: c.discipline })),
    relations: relations.map((r) => ({ id: r.id, subjectId: r.subjectId, objectId: r.objectId, discipline: r.discipline })),
    chains: chains.map((c) => ({ id: c.id, discipline: c.discipline, steps: c.stepCount })),
  };
}
