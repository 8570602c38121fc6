// Open questions: a concept's definition (from the chunk that defines it) and a relation's fact
// (answered with the relation's own quote). Nothing else is named, so the sample stays inside the
// source document.
import type { BuilderIndex, TIndexedRelation } from "./graph-index.ts";
import { definitionQuestion, negatedRelationQuestions, pick, relationQuestions, supportQuote, type TRandom } from "./templates.ts";
import type { TSampleDraft } from "./types.ts";
import { affirmPredicate, asSentence, capitalize, lowerFirst, renderSentence } from "./wording.ts";
import { phraseOf } from "../tester/perturb.ts";

const cleanDefinition = (text: string) => text.replace(/\*\*|__|`/g, "").replace(/\s+/g, " ").trim();

export interface TMakeContext {
  index: BuilderIndex;
  random: TRandom;
  /** False on the retry after a sample collided with forbidden (benchmark) text: no verbatim quote. */
  withQuote: boolean;
}

/** The statement a relation makes, e.g. "Glycolysis produces pyruvate." */
export function stateRelation(index: BuilderIndex, relation: TIndexedRelation): string {
  return renderSentence(index.term(relation.subjectId), relation.predicate, index.term(relation.objectId));
}

export function supportedAnswer(ctx: TMakeContext, lead: string, relation: TIndexedRelation): string {
  return ctx.withQuote ? `${lead} ${supportQuote(ctx.random, relation.quote)}` : lead;
}

const DEFINING = /^[\s,:;(–—-]*(is|are|was|were|refers?\s+to|means?|meaning|denotes?|describes?|is\s+defined\s+as|is\s+called|,\s*(also\s+)?(called|known\s+as)|\()/i;

/**
 * A definition is usable when it is a bare phrase (a glossary entry) or a sentence in which a
 * defining verb follows the term; "Acetyl-CoA enters the Krebs cycle." only mentions it.
 */
function isDefining(term: string, definition: string): boolean {
  const at = definition.toLowerCase().indexOf(term.toLowerCase());
  if (at < 0) return true;
  return DEFINING.test(definition.slice(at + term.length));
}

/** "Price ceiling is a legal maximum …" when the definition is a bare phrase; the sentence itself otherwise. */
function defineTerm(term: string, definition: string): string {
  const text = definition.trim();
  if (text.toLowerCase().includes(term.toLowerCase())) return asSentence(text);
  return asSentence(`${capitalize(term)} is ${lowerFirst(text)}`);
}

/**
 * A definition question for the relation's subject or object (one not defined yet in this pass),
 * with a definition from the relation's own chunk, else its document, else any chunk.
 */
export function makeDefinitionQa(relation: TIndexedRelation, ctx: TMakeContext, defined: ReadonlySet<string>): TSampleDraft | null {
  const { index, random } = ctx;
  const ids = random() < 0.5 ? [relation.subjectId, relation.objectId] : [relation.objectId, relation.subjectId];
  for (const conceptId of ids) {
    const concept = index.concepts.get(conceptId);
    // Once per pass: a hub's definition would otherwise come back with every relation it is in.
    if (!concept || defined.has(conceptId) || !index.isEligibleConcept(conceptId)) continue;
    const withDefinition = concept.mentions
      .filter((m) => m.definition && m.definition.trim() && index.chunks.has(m.chunkId) && isDefining(concept.term, cleanDefinition(m.definition)))
      .sort((a, b) => (a.chunkId < b.chunkId ? -1 : a.chunkId > b.chunkId ? 1 : 0));
    const sameChunk = withDefinition.filter((m) => m.chunkId === relation.chunkId);
    const sameDocument = withDefinition.filter((m) => index.chunks.get(m.chunkId)!.documentId === relation.documentId);
    const candidates = sameChunk.length ? sameChunk : sameDocument.length ? sameDocument : withDefinition;
    if (candidates.length === 0) continue;
    const mention = pick(random, candidates);
    const chunk = index.chunks.get(mention.chunkId)!;
    const definition = cleanDefinition(mention.definition!);
    return {
      type: "definition_qa",
      question: definitionQuestion(random, concept.term, concept.discipline),
      answer: defineTerm(concept.term, definition),
      evidence: [definition],
      meta: {
        discipline: concept.discipline,
        documentId: chunk.documentId,
        conceptIds: [conceptId],
        relationIds: [],
        chunkIds: [mention.chunkId],
        mentionedConceptIds: [conceptId],
      },
    };
  }
  return null;
}

/** An open question on one relation, answered with its statement and the quote behind it. */
export function makeRelationQa(relation: TIndexedRelation, ctx: TMakeContext): TSampleDraft | null {
  const { index, random } = ctx;
  const subject = index.term(relation.subjectId);
  const object = index.term(relation.objectId);
  const statement = stateRelation(index, relation);
  let question: string;
  let lead: string;
  if (relation.negated) {
    const affirmed = affirmPredicate(relation.predicate) ?? phraseOf(relation.relationType, false);
    question = pick(random, negatedRelationQuestions(subject, affirmed, object));
    lead = question.startsWith("What") ? statement : `No. ${statement}`;
  } else {
    question = pick(random, relationQuestions(relation.relationType, subject, relation.predicate, object));
    lead = statement;
  }
  const answer = ctx.withQuote && !relation.negated && random() < 0.25 ? asSentence(relation.quote) : supportedAnswer(ctx, lead, relation);
  return {
    type: "relation_qa",
    question,
    answer,
    evidence: [relation.quote],
    meta: {
      discipline: relation.discipline,
      documentId: relation.documentId,
      conceptIds: [relation.subjectId, relation.objectId],
      relationIds: [relation.id],
      chunkIds: [relation.chunkId],
      mentionedConceptIds: [relation.subjectId, relation.objectId],
    },
  };
}
