// The builtin (offline, deterministic) knowledge extractor: a pure function of the chunk text and
// the options. It finds the chunk's terms and the relations between them, groups the relations
// into chains, and keeps top-down only what the chains use: chains → relations → concepts.
import { z } from "zod";
import { RELATION_PHRASE, type TChain, type TConcept, type TExtractedChunk, type TRelation } from "../types.ts";
import { verifyExtraction } from "../verify-extraction.ts";
import { buildChains } from "./build-chains.ts";
import { classifyConcept } from "./classify-concept.ts";
import { extractSentenceRelations, type TPreviousRelations, type TRawRelation } from "./extract-relations.ts";
import { collectPhraseDictionary, findMentions } from "./mentions.ts";
import { readChunkSentences, type TSentence } from "./sentences.ts";
import { buildTermIndex, type TTermIndex } from "./term-dictionary.ts";

export const ZBuiltinExtractionOptions = z.object({
  /** Also keep relations no chain uses (and their concepts). Off: DESIGN's top-down rule. */
  keepUnchainedRelations: z.boolean().default(false),
  /** Relations with a verb outside the typed vocabulary ("tolerate", "colonize") as type `other`. */
  includeOtherRelations: z.boolean().default(true),
  /** How many sentences may separate two steps of a chain (doubled after "then", "next", in numbered lists). */
  maxSentenceGap: z.number().int().min(0).max(20).default(2),
  maxChainSteps: z.number().int().min(2).max(50).default(10),
  /** "X produces Y, Z and W" gives up to this many relations. */
  maxCoordinatedObjects: z.number().int().min(1).max(10).default(4),
  /** Preconditions and negative constraints kept per chain. */
  maxNotesPerChain: z.number().int().min(0).max(20).default(5),
});
export type TBuiltinExtractionOptions = z.infer<typeof ZBuiltinExtractionOptions>;
export type TBuiltinExtractionOptionsInput = z.input<typeof ZBuiltinExtractionOptions>;

function collectRelations(sentences: TSentence[], options: TBuiltinExtractionOptions): TRawRelation[] {
  const all: TRawRelation[] = [];
  let previous: TPreviousRelations | null = null;
  for (const sentence of sentences) {
    if (sentence.section.skip || sentence.section.glossary || sentence.question) {
      previous = null;
      continue;
    }
    // Anaphora ("This leads to …") reach back one sentence, within the same block.
    const prior = previous && previous.last.sentence === sentence.index - 1 && sentences[previous.last.sentence]!.block === sentence.block ? previous : null;
    const found = extractSentenceRelations(sentence, prior, options);
    all.push(...found);
    const positive = found.filter((r) => !r.negated);
    previous = positive.length > 0 ? { first: positive[0]!, last: positive[positive.length - 1]! } : null;
  }
  // The same statement twice in a chunk (body and summary) keeps its first quote.
  const seen = new Set<string>();
  return all.filter((r) => {
    const id = [r.subject.key, r.type, r.object.key, r.negated, r.type === "other" ? r.predicate.toLowerCase() : ""].join("|");
    return !seen.has(id) && !!seen.add(id);
  });
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function describeStep(relation: TRawRelation): string {
  const predicate = relation.predicate || RELATION_PHRASE[relation.type];
  return `${capitalize(relation.subject.surface)} ${predicate} ${relation.object.surface}.`;
}

function buildConcepts(keys: string[], sentences: TSentence[], relations: TRawRelation[], terms: TTermIndex): TConcept[] {
  const surfaces = new Map<string, string[]>(keys.map((k) => [k, []]));
  const add = (key: string, surface: string): void => {
    const list = surfaces.get(key);
    if (list && !list.some((s) => s.toLowerCase() === surface.toLowerCase())) list.push(surface);
  };
  for (const sentence of sentences) for (const m of sentence.mentions) add(m.key, m.surface);
  for (const r of relations) {
    add(r.subject.key, r.subject.surface);
    add(r.object.key, r.object.surface);
  }
  return keys.map((key) => {
    const info = terms.terms.get(key);
    for (const alias of info?.aliases ?? []) add(key, alias);
    const [term = info?.term ?? key, ...aliases] = surfaces.get(key)!;
    return {
      key,
      term,
      aliases,
      definition: info?.definition?.text ?? null,
      definitionSpan: info?.definition?.span ?? null,
      type: classifyConcept(key),
    };
  });
}

/** Extracts chains, relations and concepts from one chunk (Markdown or plain text); offsets index `chunkText`. */
export function extractKnowledgeBuiltin(chunkText: string, options: TBuiltinExtractionOptionsInput = {}): TExtractedChunk {
  const settings = ZBuiltinExtractionOptions.parse(options);
  const chunk = readChunkSentences(chunkText);
  const terms = buildTermIndex(chunk);
  const readable = chunk.sentences.filter((s) => !s.section.glossary).map((s) => ({ tokens: s.tokens, clean: s.block.clean }));
  const phrases = collectPhraseDictionary(readable, terms.dictionary);
  for (const sentence of chunk.sentences) sentence.mentions = findMentions(sentence.block.clean, sentence.tokens, terms.dictionary, phrases);

  const raw = collectRelations(chunk.sentences, settings);
  const drafts = buildChains(chunk.sentences, raw, settings);

  // Top-down: the relations the chains use (steps, stated confusions), in text order, keyed r1, r2, …
  const used = new Set<number>(drafts.flatMap((d) => [...d.steps, ...d.negativeConstraints.flatMap((n) => (n.relation === null ? [] : [n.relation]))]));
  const kept = raw.map((_, i) => i).filter((i) => settings.keepUnchainedRelations || used.has(i));
  const relationKey = new Map(kept.map((i, n) => [i, `r${n + 1}`]));
  const relations: TRelation[] = kept.map((i) => {
    const r = raw[i]!;
    return { key: relationKey.get(i)!, subject: r.subject.key, type: r.type, predicate: r.predicate, object: r.object.key, negated: r.negated, quote: r.quote };
  });
  const chains: TChain[] = drafts.map((draft, n) => ({
    key: `c${n + 1}`,
    title: draft.title,
    steps: draft.steps.map((i, order) => ({ order: order + 1, relationKey: relationKey.get(i)!, text: describeStep(raw[i]!) })),
    preconditions: draft.preconditions,
    negativeConstraints: draft.negativeConstraints.map((note) => ({ text: note.text, span: note.span, relationKey: note.relation === null ? null : relationKey.get(note.relation)! })),
  }));

  const conceptKeys: string[] = [];
  for (const r of relations) for (const key of [r.subject, r.object]) if (!conceptKeys.includes(key)) conceptKeys.push(key);
  const concepts = buildConcepts(conceptKeys, chunk.sentences, kept.map((i) => raw[i]!), terms);

  // The same check an LLM provider's output goes through; builtin output is expected to pass whole.
  return verifyExtraction(chunkText, { chains, relations, concepts }, { keepUnchainedRelations: settings.keepUnchainedRelations }).valid;
}
