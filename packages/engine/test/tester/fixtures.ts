// Knowledge versions for the Tester tests: one extracted by the builtin extractor from the knowledge
// fixtures (canonicalised across chunks, as the extraction stage stores it), and a synthetic
// generator large enough for a benchmark of several hundred items.
import {
  canonicalizeConcepts,
  createRandom,
  extractKnowledgeBuiltin,
  GraphView,
  type TGraphConcept,
  type TGraphRelation,
  type TRelationType,
  type TTesterChainInput,
} from "../../src/index.ts";
import { ECONOMICS, MICROBIOLOGY, PROCESS } from "../knowledge/fixtures.ts";

export interface TTestVersion {
  concepts: TGraphConcept[];
  relations: TGraphRelation[];
  chains: TTesterChainInput[];
  graph: GraphView;
}

const CHUNKS = [
  { chunkId: "chunk-micro", discipline: "biology", text: MICROBIOLOGY },
  { chunkId: "chunk-econ", discipline: "economics", text: ECONOMICS },
  { chunkId: "chunk-vaccine", discipline: "biology", text: PROCESS },
];

export function buildBuiltinVersion(): TTestVersion {
  const extracted = CHUNKS.map((c) => ({ ...c, x: extractKnowledgeBuiltin(c.text) }));
  const { canonical, keyMap } = canonicalizeConcepts(extracted.map((e) => ({ chunkId: e.chunkId, concepts: e.x.concepts })));
  const disciplineOf = new Map(CHUNKS.map((c) => [c.chunkId, c.discipline]));
  const concepts = canonical.map((c) => ({ id: `concept:${c.key}`, term: c.term, type: c.type, discipline: disciplineOf.get(c.mentions[0]!.chunkId)! }));
  const conceptId = (chunkId: string, key: string): string => `concept:${keyMap.get(`${chunkId}:${key}`)!}`;
  const relations: TGraphRelation[] = extracted.flatMap((e) =>
    e.x.relations.map((r) => ({
      id: `${e.chunkId}:${r.key}`,
      subjectId: conceptId(e.chunkId, r.subject),
      objectId: conceptId(e.chunkId, r.object),
      type: r.type,
      negated: r.negated,
      chunkId: e.chunkId,
      quoteStart: r.quote.start,
      quoteEnd: r.quote.end,
    })),
  );
  const chains: TTesterChainInput[] = extracted.flatMap((e) =>
    e.x.chains.map((c) => ({
      id: `${e.chunkId}:${c.key}`,
      chunkId: e.chunkId,
      documentId: `doc-${e.chunkId}`,
      discipline: e.discipline,
      title: c.title,
      steps: c.steps.map((s) => ({ order: s.order, relationId: `${e.chunkId}:${s.relationKey}`, text: s.text })),
      preconditions: c.preconditions.map((p) => ({ text: p.text, start: p.span.start, end: p.span.end })),
      negativeConstraints: c.negativeConstraints.map((n) => ({
        text: n.text,
        start: n.span.start,
        end: n.span.end,
        relationId: n.relationKey ? `${e.chunkId}:${n.relationKey}` : null,
      })),
    })),
  );
  return { concepts, relations, chains, graph: new GraphView(concepts, relations) };
}

const WORDS = [
  "alpha", "kinase", "membrane", "potential", "thermal", "expansion", "coefficient", "enzyme", "activity", "pressure",
  "gradient", "signal", "receptor", "binding", "flux", "capital", "interest", "rate", "supply", "demand", "erosion",
  "sediment", "transport", "ion", "channel", "voltage", "current", "resistance", "heat", "capacity", "protein",
  "synthesis", "hormone", "release", "glucose", "uptake", "market", "price", "wage", "labour", "output", "density",
];
const TYPES = ["process", "entity", "quantity", "property"];
const STEP_TYPES: TRelationType[] = ["causes", "increases", "decreases", "prevents", "produces", "requires", "enables", "part_of", "precedes", "other", "is_a"];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

/**
 * A random but well-formed knowledge version: per discipline, concepts of four types with terms of
 * one to three words, and chains of 2–6 connected steps (mostly flowing, subject = previous object),
 * some with a precondition or a negated constraint relation.
 */
export function buildSyntheticVersion(seed: number, disciplines = ["physics", "economics", "biology"], chainsPerDiscipline = 40): TTestVersion {
  const random = createRandom(seed);
  const concepts: TGraphConcept[] = [];
  const relations: TGraphRelation[] = [];
  const chains: TTesterChainInput[] = [];
  for (const discipline of disciplines) {
    const pool: TGraphConcept[] = [];
    const terms = new Set<string>();
    while (pool.length < 48) {
      const words = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(WORDS, random));
      const term = words.join(" ");
      if (terms.has(term)) continue;
      terms.add(term);
      pool.push({ id: `${discipline}:k${pool.length}`, term, type: TYPES[pool.length % TYPES.length]!, discipline });
    }
    concepts.push(...pool);
    for (let c = 0; c < chainsPerDiscipline; c++) {
      const chunkId = `${discipline}:chunk${Math.floor(c / 4)}`;
      const chainId = `${discipline}:chain${c}`;
      const length = 2 + Math.floor(random() * 5);
      const steps: { order: number; relationId: string; text: string }[] = [];
      let subject = pick(pool, random);
      let offset = 0;
      for (let s = 0; s < length; s++) {
        let object = pick(pool, random);
        while (object.id === subject.id) object = pick(pool, random);
        const relation: TGraphRelation = {
          id: `${chainId}:r${s}`,
          subjectId: subject.id,
          objectId: object.id,
          type: pick(STEP_TYPES, random),
          negated: false,
          chunkId,
          quoteStart: offset,
          quoteEnd: offset + 80,
        };
        offset += 81;
        relations.push(relation);
        steps.push({ order: s + 1, relationId: relation.id, text: `${subject.term} acts on ${object.term}` });
        // Mostly a flow (the object feeds the next step); sometimes a parallel step on the same subject.
        if (random() < 0.8) subject = object;
      }
      const preconditions = random() < 0.4 ? [{ text: `When the ${pick(pool, random).term} is high`, start: 2, end: 30 }] : [];
      const negativeConstraints: TTesterChainInput["negativeConstraints"] = [];
      if (random() < 0.3) {
        const a = pick(pool, random);
        let b = pick(pool, random);
        while (b.id === a.id) b = pick(pool, random);
        const id = `${chainId}:neg`;
        relations.push({ id, subjectId: a.id, objectId: b.id, type: "causes", negated: true, chunkId, quoteStart: offset, quoteEnd: offset + 60 });
        negativeConstraints.push({ text: `${a.term} does not cause ${b.term}.`, start: offset, end: offset + 60, relationId: id });
      }
      chains.push({ id: chainId, chunkId, documentId: `${discipline}:doc`, discipline, title: `Regulation of ${subject.term}`, steps, preconditions, negativeConstraints });
    }
  }
  return { concepts, relations, chains, graph: new GraphView(concepts, relations) };
}
