// A synthetic knowledge version large enough for accuracy bounds, in both shapes the loop needs:
// the Tester's synthetic chains and graph (../tester/fixtures.ts), and a Builder input whose chunks
// state each relation as a sentence (quote spans exact) and define each concept.
import {
  RELATION_PHRASE,
  type GraphView,
  type TBuilderChunk,
  type TBuilderConcept,
  type TBuilderInput,
  type TBuilderRelation,
  type TRelationType,
  type TTesterChainInput,
} from "../../src/index.ts";
import { buildSyntheticVersion } from "../tester/fixtures.ts";

export interface TLoopVersion {
  builder: TBuilderInput;
  chains: TTesterChainInput[];
  graph: GraphView;
}

const upper = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export function buildSyntheticLoopVersion(seed: number, chainsPerDiscipline = 40): TLoopVersion {
  const version = buildSyntheticVersion(seed, ["physics", "economics", "biology"], chainsPerDiscipline);
  const conceptById = new Map(version.concepts.map((c) => [c.id, c]));
  const texts = new Map<string, string>();
  const relations: TBuilderRelation[] = [];
  const mentions = new Map<string, Map<string, string | null>>();
  const mention = (conceptId: string, chunkId: string, definition: string | null) => {
    let byChunk = mentions.get(conceptId);
    if (!byChunk) mentions.set(conceptId, (byChunk = new Map()));
    if (!byChunk.has(chunkId) || definition) byChunk.set(chunkId, definition);
  };
  for (const r of version.relations) {
    const chunkId = r.chunkId!;
    const subject = conceptById.get(r.subjectId)!;
    const object = conceptById.get(r.objectId)!;
    let text = texts.get(chunkId) ?? "";
    for (const c of [subject, object]) {
      if (mentions.get(c.id)?.get(chunkId) !== undefined) continue;
      const definition = `${upper(c.term)} is a ${c.type} studied in ${c.discipline}.`;
      text += `${definition} `;
      mention(c.id, chunkId, definition);
    }
    const predicate = r.negated ? `does not ${RELATION_PHRASE[r.type as TRelationType].replace(/s$/, "")}` : RELATION_PHRASE[r.type as TRelationType];
    const sentence = `${upper(subject.term)} ${predicate} ${object.term}.`;
    relations.push({
      id: r.id, subjectId: r.subjectId, objectId: r.objectId, type: r.type, predicate, negated: r.negated, chunkId,
      quoteStart: text.length, quoteEnd: text.length + sentence.length, discipline: subject.discipline,
    });
    texts.set(chunkId, `${text}${sentence} `);
  }
  const chunks = new Map<string, TBuilderChunk>(
    [...texts].map(([chunkId, text]) => {
      const discipline = chunkId.split(":")[0]!;
      return [chunkId, { text, documentId: `${discipline}:doc`, discipline }];
    }),
  );
  const concepts: TBuilderConcept[] = version.concepts
    .filter((c) => mentions.has(c.id))
    .map((c) => ({
      id: c.id, key: c.id, term: c.term, definition: null, type: c.type, discipline: c.discipline,
      mentions: [...mentions.get(c.id)!].map(([chunkId, definition]) => ({ chunkId, definition })),
    }));
  // The Tester reads the same relations (quote spans now real).
  const spans = new Map(relations.map((r) => [r.id, r]));
  for (const r of version.relations) Object.assign(r, { quoteStart: spans.get(r.id)!.quoteStart, quoteEnd: spans.get(r.id)!.quoteEnd });
  return { builder: { concepts, relations, chunks }, chains: version.chains, graph: version.graph };
}
