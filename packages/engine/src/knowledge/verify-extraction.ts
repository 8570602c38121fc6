// Checks one chunk's extraction against the chunk text, whoever produced it: quotes must lie in the
// chunk and name both ends of their relation, chains must be ordered, connected and built from
// kept relations, and (top-down) only what a chain reaches survives. Nothing is repaired silently:
// every drop is listed with its reason.
import { containsTerm, keyifyText } from "./normalize-term.ts";
import type { TChain, TConcept, TExtractedChunk, TRejection, TRelation, TSpan, TVerifiedExtraction } from "./types.ts";

export interface TVerifyOptions {
  /**
   * Keep valid relations that no chain uses. Off by default: DESIGN's top-down rule takes concepts
   * from the relations that make up chains, so a relation outside every chain is dropped with them.
   */
  keepUnchainedRelations?: boolean;
}

// Share of a note's words that must appear in its span (markup and maths differ between the two).
const MIN_TEXT_SUPPORT = 0.85;

function isInside(span: TSpan, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end > span.start && span.end <= length;
}

function surfaceForms(concept: TConcept): string[] {
  return [concept.term, ...concept.aliases, concept.key];
}

/** Whether the words of `text` appear (nearly all) in the keyified span. */
function supportsText(keyifiedSpan: string, text: string): boolean {
  const words = keyifyText(text).trim().split(" ").filter(Boolean);
  if (words.length === 0) return false;
  const present = new Set(keyifiedSpan.trim().split(" "));
  return words.filter((w) => present.has(w)).length / words.length >= MIN_TEXT_SUPPORT;
}

function sharesConcept(a: TRelation, b: TRelation): boolean {
  return a.subject === b.subject || a.subject === b.object || a.object === b.subject || a.object === b.object;
}

function firstByKey<T extends { key: string }>(items: T[], kind: TRejection["kind"], rejected: TRejection[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (!seen.has(item.key)) return seen.add(item.key), true;
    rejected.push({ kind, key: item.key, reason: "duplicate key" });
    return false;
  });
}

function checkConcept(chunkText: string, concept: TConcept, rejected: TRejection[]): TConcept {
  if (!concept.definitionSpan) return concept;
  const span = concept.definitionSpan;
  let reason: string | null = null;
  if (!isInside(span, chunkText.length)) reason = "definition span outside the chunk";
  else {
    const quoted = keyifyText(chunkText.slice(span.start, span.end));
    if (!surfaceForms(concept).some((form) => containsTerm(quoted, form))) reason = "definition span does not mention the term";
    else if (concept.definition && !supportsText(quoted, concept.definition)) reason = "definition text does not match its span";
  }
  if (!reason) return concept;
  rejected.push({ kind: "definition", key: concept.key, reason });
  return { ...concept, definition: null, definitionSpan: null };
}

function checkRelation(chunkText: string, relation: TRelation, concepts: Map<string, TConcept>): string | null {
  const subject = concepts.get(relation.subject);
  const object = concepts.get(relation.object);
  if (!subject) return `unknown subject concept "${relation.subject}"`;
  if (!object) return `unknown object concept "${relation.object}"`;
  if (relation.subject === relation.object) return "subject and object are the same concept";
  if (!isInside(relation.quote, chunkText.length)) return "quote span outside the chunk";
  const quoted = keyifyText(chunkText.slice(relation.quote.start, relation.quote.end));
  if (!surfaceForms(subject).some((form) => containsTerm(quoted, form))) return `quote does not contain the subject "${subject.term}"`;
  if (!surfaceForms(object).some((form) => containsTerm(quoted, form))) return `quote does not contain the object "${object.term}"`;
  return null;
}

function checkChain(chain: TChain, relations: Map<string, TRelation>): string | null {
  const steps = [...chain.steps].sort((a, b) => a.order - b.order);
  if (steps.length < 2) return "fewer than 2 steps";
  for (let i = 0; i < steps.length; i++) {
    const relation = relations.get(steps[i]!.relationKey);
    if (i > 0 && steps[i]!.order === steps[i - 1]!.order) return `two steps with order ${steps[i]!.order}`;
    if (!relation) return `step ${steps[i]!.order} references missing or rejected relation "${steps[i]!.relationKey}"`;
    if (relation.negated) return `step ${steps[i]!.order} uses negated relation "${relation.key}"`;
    const previous = i > 0 ? relations.get(steps[i - 1]!.relationKey)! : null;
    if (previous && !sharesConcept(previous, relation)) return `steps ${steps[i - 1]!.order} and ${steps[i]!.order} share no concept`;
  }
  return null;
}

function checkNotes(chunkText: string, chain: TChain, relations: Map<string, TRelation>, rejected: TRejection[]): TChain {
  const supported = (note: { text: string; span: TSpan }, kind: TRejection["kind"]): boolean => {
    let reason: string | null = null;
    if (!isInside(note.span, chunkText.length)) reason = "span outside the chunk";
    else if (!supportsText(keyifyText(chunkText.slice(note.span.start, note.span.end)), note.text)) reason = "text does not match its span";
    if (reason) rejected.push({ kind, key: chain.key, reason });
    return !reason;
  };
  const negativeConstraints = chain.negativeConstraints
    .filter((note) => supported(note, "negative_constraint"))
    .map((note) => {
      if (note.relationKey === null || relations.has(note.relationKey)) return note;
      rejected.push({ kind: "negative_constraint", key: chain.key, reason: `links missing or rejected relation "${note.relationKey}"` });
      return { ...note, relationKey: null };
    });
  return {
    ...chain,
    steps: [...chain.steps].sort((a, b) => a.order - b.order),
    preconditions: chain.preconditions.filter((note) => supported(note, "precondition")),
    negativeConstraints,
  };
}

/** Splits an extraction into what the chunk text supports and what it does not, with reasons. */
export function verifyExtraction(chunkText: string, extracted: TExtractedChunk, options: TVerifyOptions = {}): TVerifiedExtraction {
  const rejected: TRejection[] = [];
  const concepts = firstByKey(extracted.concepts, "concept", rejected).map((c) => checkConcept(chunkText, c, rejected));
  const conceptByKey = new Map(concepts.map((c) => [c.key, c]));

  const relationByKey = new Map<string, TRelation>();
  for (const relation of firstByKey(extracted.relations, "relation", rejected)) {
    const reason = checkRelation(chunkText, relation, conceptByKey);
    if (reason) rejected.push({ kind: "relation", key: relation.key, reason });
    else relationByKey.set(relation.key, relation);
  }

  const chains: TChain[] = [];
  for (const chain of firstByKey(extracted.chains, "chain", rejected)) {
    const reason = checkChain(chain, relationByKey);
    if (reason) rejected.push({ kind: "chain", key: chain.key, reason });
    else chains.push(checkNotes(chunkText, chain, relationByKey, rejected));
  }

  const used = new Set<string>();
  for (const chain of chains) {
    for (const step of chain.steps) used.add(step.relationKey);
    for (const note of chain.negativeConstraints) if (note.relationKey) used.add(note.relationKey);
  }
  const relations = [...relationByKey.values()].filter((relation) => {
    if (options.keepUnchainedRelations || used.has(relation.key)) return true;
    rejected.push({ kind: "relation", key: relation.key, reason: "not used by any chain" });
    return false;
  });

  const linked = new Set(relations.flatMap((r) => [r.subject, r.object]));
  const keptConcepts = concepts.filter((concept) => {
    if (linked.has(concept.key)) return true;
    rejected.push({ kind: "concept", key: concept.key, reason: "not linked by any kept relation" });
    return false;
  });
  return { valid: { chains, relations, concepts: keptConcepts }, rejected };
}
