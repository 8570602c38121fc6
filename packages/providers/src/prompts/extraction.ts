// The prompts of top-down knowledge extraction (DESIGN: chains first, then the relations that make
// up each chain's steps, then the concepts those relations connect). Every statement must be backed
// by an exact quote, because the verifier throws away whatever the chunk text does not support.
import { RELATION_PHRASE, type TRelationType } from "@proda/engine";

const TYPE_GUIDE: Readonly<Record<string, string>> = {
  is_a: "subject is a kind of object",
  part_of: "subject is a component or stage of object",
  causes: "subject brings about object",
  prevents: "subject stops or inhibits object",
  enables: "subject makes object possible without directly causing it",
  requires: "subject needs object as an input or condition",
  increases: "subject raises the amount or rate of object",
  decreases: "subject lowers the amount or rate of object",
  precedes: "subject happens before object in a sequence",
  produces: "subject yields object as an output",
  contrasts_with: "subject is explicitly set against or distinguished from object",
  defined_as: "subject is defined by object",
  measured_by: "subject is quantified by object",
  example_of: "subject is an instance of object",
  other: "none of the above; write the verb phrase exactly as the text has it in `predicate`",
};

function describeVocabulary(vocabulary: readonly string[]): string {
  return vocabulary
    .map((type) => {
      const phrase = RELATION_PHRASE[type as TRelationType];
      const guide = TYPE_GUIDE[type] ?? `a relation of this project's own vocabulary ("${type.replace(/_/g, " ")}")`;
      return `- ${type}${phrase ? ` ("${phrase}")` : ""}: ${guide}`;
    })
    .join("\n");
}

export function buildExtractionSystemPrompt(vocabulary: readonly string[]): string {
  return `You extract domain knowledge from one chunk of a document, top-down, as JSON.

Work in this order:
1. CHAINS: find the multi-step processes, mechanisms or arguments the chunk states (2 or more steps, in order). Give each a key ("c1", "c2", …) and a short title. Each step points to one relation (relationKey) and restates it in a readable sentence. Consecutive steps must share a concept (the object of one step is usually the subject of the next). Add preconditions (conditions the chain depends on) and negativeConstraints (common confusions or explicitly excluded cases; link the negated or contrasting relation that states it, or null) only when the text states them.
2. RELATIONS: every relation a chain step or a negative constraint uses. Key them "r1", "r2", …. subject and object are concept keys. type comes from the vocabulary below; predicate is the verb phrase read from subject to object; negated is true when the text denies the relation (negated relations may only appear in negativeConstraints, never as steps).
3. CONCEPTS: every concept a relation connects, and no others. key is the lower-case canonical term with words separated by single spaces; term is the surface form as first written; aliases are other names the chunk uses; type is one word (process, entity, quantity, property, organism, concept, …); definition is the chunk's own definition of the term, or null.

Quotes: every quote (relation quote, definitionQuote, the span of a precondition or negative constraint) has "text" copied character for character from the chunk — same words, punctuation and capitalisation — and "start"/"end" character offsets into the chunk as given between <chunk> and </chunk> (the first character after the opening line break is offset 0; end is exclusive). A relation's quote must contain both its subject's and its object's surface forms. Prefer one sentence or clause; never quote across paragraphs.

Relation vocabulary:
${describeVocabulary(vocabulary)}

Rules: extract only what this chunk states (no outside knowledge); if the chunk states no process of 2 or more steps, return empty lists. Answer with the JSON object only.`;
}

/** The chunk sits between marker lines so the model (and the test server) can find it exactly. */
export function buildExtractionUserPrompt(chunkText: string, discipline?: string): string {
  const field = discipline?.trim() ? `Field: ${discipline.trim()}\n\n` : "";
  return `${field}<chunk>\n${chunkText}\n</chunk>`;
}

/** Reads the chunk back out of a user prompt built above (the test server answers from it). */
export function readChunkFromUserPrompt(prompt: string): string | null {
  const open = prompt.indexOf("<chunk>\n");
  const close = prompt.lastIndexOf("\n</chunk>");
  return open >= 0 && close >= open + 8 ? prompt.slice(open + 8, close) : null;
}

/** Room for the answer of a long, dense chunk; a reply cut off here is rejected, not repaired. */
export const EXTRACTION_MAX_TOKENS = 8192;

/**
 * Expected completion size per chunk, for the rate-limit reservation and the dry-run estimate.
 * Assumption: one relation per ~50 chunk tokens (about one per two sentences), each costing ~120
 * tokens of JSON (its quote, a step restating it, keys and structure, a share of a concept) → ~2.5×
 * the chunk's tokens, plus ~150 for the envelope and a chain title. Builtin answers serialised the
 * same way measure 0–2.5× on the corpus sample and up to ~20× on dense textbook paragraphs, so the
 * benchmark prints the measured figure beside this one. Capped at the request's max tokens.
 */
export function estimateExtractionCompletionTokens(chunkTokens: number): number {
  return Math.min(EXTRACTION_MAX_TOKENS, Math.ceil(150 + 2.5 * chunkTokens));
}
