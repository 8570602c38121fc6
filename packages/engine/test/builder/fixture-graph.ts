// A small knowledge version built the way the worker builds one (extract per chunk, canonicalise
// across chunks), from textbook-like documents in two disciplines. Ids are deterministic.
import { canonicalizeConcepts, extractKnowledgeBuiltin, type TBuilderChunk, type TBuilderConcept, type TBuilderInput, type TBuilderRelation } from "../../src/index.ts";
import { ECONOMICS, MICROBIOLOGY, PROCESS } from "../knowledge/fixtures.ts";

const PHOTOSYNTHESIS = `## Photosynthesis

**Photosynthesis** is the process by which plants convert light energy into chemical energy. The light-dependent reactions produce ATP and NADPH. Light energy splits water molecules. The splitting of water releases oxygen. The Calvin cycle requires ATP and NADPH. The Calvin cycle produces glucose. Chlorophyll absorbs light energy.

Unlike cellular respiration, photosynthesis stores energy in glucose. High temperature decreases the rate of photosynthesis. Carbon dioxide increases the rate of photosynthesis.
`;

const MONEY = `## Money and Inflation

**Inflation** is a general rise in the price level. An increase in the money supply causes inflation. Inflation reduces the purchasing power of money. Higher interest rates reduce borrowing. Reduced borrowing decreases spending. Lower spending reduces inflation.

A central bank controls the money supply. The central bank raises interest rates when inflation is high. Deflation should not be confused with disinflation.
`;

export const DOCUMENTS = [
  { documentId: "doc-micro", discipline: "biology", chunks: [MICROBIOLOGY, PHOTOSYNTHESIS] },
  { documentId: "doc-vaccine", discipline: "biology", chunks: [PROCESS] },
  { documentId: "doc-econ", discipline: "economics", chunks: [ECONOMICS, MONEY] },
];

export function buildFixtureGraph(): TBuilderInput {
  const chunks = new Map<string, TBuilderChunk>();
  const results: { chunkId: string; extracted: ReturnType<typeof extractKnowledgeBuiltin> }[] = [];
  for (const doc of DOCUMENTS) {
    doc.chunks.forEach((text, i) => {
      const chunkId = `${doc.documentId}-ch${i}`;
      chunks.set(chunkId, { text, documentId: doc.documentId, discipline: doc.discipline });
      results.push({ chunkId, extracted: extractKnowledgeBuiltin(text) });
    });
  }
  const { canonical, keyMap } = canonicalizeConcepts(results.map((r) => ({ chunkId: r.chunkId, concepts: r.extracted.concepts })));
  const definitionOf = new Map<string, string | null>();
  for (const r of results) for (const c of r.extracted.concepts) definitionOf.set(`${r.chunkId}:${c.key}`, c.definition);
  const concepts: TBuilderConcept[] = canonical.map((c) => ({
    id: `c:${c.key}`,
    key: c.key,
    term: c.term,
    aliases: c.aliases,
    definition: c.definition,
    type: c.type,
    discipline: chunks.get(c.mentions[0]!.chunkId)!.discipline,
    mentions: c.mentions.map((m) => ({ chunkId: m.chunkId, conceptKey: m.conceptKey, definition: definitionOf.get(`${m.chunkId}:${m.conceptKey}`) ?? null })),
  }));
  const relations: TBuilderRelation[] = [];
  for (const r of results) {
    for (const rel of r.extracted.relations) {
      const subject = keyMap.get(`${r.chunkId}:${rel.subject}`);
      const object = keyMap.get(`${r.chunkId}:${rel.object}`);
      if (!subject || !object) continue;
      relations.push({
        id: `r:${r.chunkId}:${rel.key}`,
        subjectId: `c:${subject}`,
        objectId: `c:${object}`,
        type: rel.type,
        predicate: rel.predicate,
        negated: rel.negated,
        chunkId: r.chunkId,
        quoteStart: rel.quote.start,
        quoteEnd: rel.quote.end,
        discipline: chunks.get(r.chunkId)!.discipline,
      });
    }
  }
  return { concepts, relations, chunks };
}
