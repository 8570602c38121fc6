// One knowledge version in both shapes the loop needs — the Tester's (chains + GraphView) and the
// Builder's (concepts with mentions, relations with quote spans, chunks) — extracted by the builtin
// extractor and canonicalised across chunks, as the worker stores it. From a folder of Markdown
// files per discipline (e.g. ../shared/corpus-sample).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  canonicalizeConcepts,
  chunkDocument,
  extractKnowledgeBuiltin,
  GraphView,
  type TBuilderChunk,
  type TBuilderConcept,
  type TBuilderInput,
  type TBuilderRelation,
  type TTesterChainInput,
} from "../../packages/engine/src/index.ts";

export interface TLoopVersion {
  builder: TBuilderInput;
  chains: TTesterChainInput[];
  graph: GraphView;
}

interface TChunkText {
  chunkId: string;
  documentId: string;
  discipline: string;
  text: string;
}

function sampleChunks(folder: string, filesPerDiscipline: number): TChunkText[] {
  if (!existsSync(folder)) throw new Error(`${folder} does not exist`);
  const out: TChunkText[] = [];
  for (const discipline of readdirSync(folder, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const file of readdirSync(join(folder, discipline)).filter((f) => f.endsWith(".md")).sort().slice(0, filesPerDiscipline)) {
      const text = readFileSync(join(folder, discipline, file), "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
      for (const chunk of chunkDocument(text, { targetTokens: 512, overlapTokens: 0 })) {
        out.push({ chunkId: `${discipline}/${file}#${chunk.index}`, documentId: `${discipline}/${file}`, discipline, text: chunk.text });
      }
    }
  }
  return out;
}

export function buildLoopVersion(folder: string, filesPerDiscipline = Infinity): TLoopVersion {
  const chunkTexts = sampleChunks(folder, filesPerDiscipline);
  const results = chunkTexts.map((c) => ({ ...c, x: extractKnowledgeBuiltin(c.text) }));
  const { canonical, keyMap } = canonicalizeConcepts(results.map((r) => ({ chunkId: r.chunkId, concepts: r.x.concepts })));
  const chunks = new Map<string, TBuilderChunk>(chunkTexts.map((c) => [c.chunkId, { text: c.text, documentId: c.documentId, discipline: c.discipline }]));
  const definitionOf = new Map<string, string | null>();
  for (const r of results) for (const c of r.x.concepts) definitionOf.set(`${r.chunkId}:${c.key}`, c.definition);
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
  const relationId = (chunkId: string, key: string) => `r:${chunkId}:${key}`;
  for (const r of results) {
    for (const rel of r.x.relations) {
      const subject = keyMap.get(`${r.chunkId}:${rel.subject}`);
      const object = keyMap.get(`${r.chunkId}:${rel.object}`);
      if (!subject || !object) continue;
      relations.push({
        id: relationId(r.chunkId, rel.key), subjectId: `c:${subject}`, objectId: `c:${object}`, type: rel.type, predicate: rel.predicate,
        negated: rel.negated, chunkId: r.chunkId, quoteStart: rel.quote.start, quoteEnd: rel.quote.end, discipline: r.discipline,
      });
    }
  }
  const chains: TTesterChainInput[] = results.flatMap((r) =>
    r.x.chains.map((c) => ({
      id: `${r.chunkId}:${c.key}`,
      chunkId: r.chunkId,
      documentId: r.documentId,
      discipline: r.discipline,
      title: c.title,
      steps: c.steps.map((s) => ({ order: s.order, relationId: relationId(r.chunkId, s.relationKey), text: s.text })),
      preconditions: c.preconditions.map((p) => ({ text: p.text, start: p.span.start, end: p.span.end })),
      negativeConstraints: c.negativeConstraints.map((n) => ({ text: n.text, start: n.span.start, end: n.span.end, relationId: n.relationKey ? relationId(r.chunkId, n.relationKey) : null })),
    })),
  );
  const graph = new GraphView(
    concepts.map((c) => ({ id: c.id, term: c.term, type: c.type, discipline: c.discipline })),
    relations.map((r) => ({ id: r.id, subjectId: r.subjectId, objectId: r.objectId, type: r.type as never, negated: r.negated, chunkId: r.chunkId, quoteStart: r.quoteStart, quoteEnd: r.quoteEnd })),
  );
  return { builder: { concepts, relations, chunks }, chains, graph };
}
