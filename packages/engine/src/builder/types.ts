// What the builder reads (a knowledge version as stored: concepts with their mentions, relations
// with their quote spans, and the chunks they cite) and what it writes (samples with provenance).
import type { TPerturbOperator } from "../tester/perturb.ts";
import type { TSampleType } from "./recipe.ts";

export interface TBuilderConcept {
  id: string;
  key: string;
  term: string;
  aliases?: readonly string[];
  definition: string | null;
  type: string;
  discipline: string;
  /** Provenance: the chunks that mention it, with the definition found there (if any). */
  mentions: readonly { chunkId: string; conceptKey?: string; definition?: string | null }[];
}

export interface TBuilderRelation {
  id: string;
  subjectId: string;
  objectId: string;
  /** One of RELATION_TYPES; anything else is read as "other". */
  type: string;
  /** The verb phrase as written, reading from subject to object. */
  predicate: string;
  negated: boolean;
  chunkId: string;
  quoteStart: number;
  quoteEnd: number;
  discipline: string;
}

export interface TBuilderChunk {
  text: string;
  documentId: string;
  discipline: string;
}

export interface TBuilderInput {
  concepts: readonly TBuilderConcept[];
  relations: readonly TBuilderRelation[];
  chunks: ReadonlyMap<string, TBuilderChunk>;
}

export interface TMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface TSampleMeta {
  knowledgeVersionId: string;
  discipline: string;
  /** Every sample stays inside one document (CORE "contextualised"). */
  documentId: string;
  /** Concepts the sample teaches: the defined concept, or the subjects and objects of its relations. */
  conceptIds: string[];
  /** Relations whose facts the sample states as true (in the question, the options or the answer). */
  relationIds: string[];
  /** The chunks its answer is drawn from. */
  chunkIds: string[];
  /** Every concept named anywhere in the sample, distractors included: all of them are mentioned in `documentId`. */
  mentionedConceptIds: string[];
  /** Order in the version and the sampling window it came from. */
  position: number;
  window: number;
  /** single_choice / multiple_choice: the options as shown and the indexes of the correct ones. */
  choices?: { options: string[]; correct: number[] };
  /** true_false: whether the statement shown is true. */
  truth?: boolean;
  /** Patch samples (Debugger): the recipe that made it and the failed items it answers. */
  patch?: { recipe: "refine" | "chain_of_thought"; chainId?: string };
  /** How each false statement was made (DESIGN invariant 2). */
  perturbations?: { operator: TPerturbOperator; sourceRelationId: string; changed: string; checkedFalse: boolean }[];
}

export interface TSample {
  /** Stable hash of the sample's content and provenance: equal keys mean equal samples across versions. */
  key: string;
  type: TSampleType;
  messages: TMessage[];
  meta: TSampleMeta;
}

/** A sample before its key and position are fixed (what the templates, and a wording hook, produce). */
export interface TSampleDraft {
  type: TSampleType;
  question: string;
  answer: string;
  /** Source sentences the answer rests on (cleaned quotes or definitions). */
  evidence: string[];
  meta: Omit<TSampleMeta, "knowledgeVersionId" | "position" | "window">;
}

/**
 * Rewords a drafted sample (for example through an LLM with a response cache, so a rebuild gets the
 * same text). Return null to keep the template wording. Must be deterministic for rebuilds to match.
 */
export type TWordingHook = (draft: TSampleDraft) => { question: string; answer: string } | null;
