// The shape of one chunk's extracted knowledge (L3 chains → L2 relations → L1 concepts), shared by
// every provider: the builtin extractor produces it, and an LLM provider's JSON is parsed with
// ZExtractedChunk and then checked against the chunk text by verifyExtraction.
import { RELATION_TYPES } from "@proda/core";
import { z } from "zod";

export { RELATION_TYPES };

/** A closed vocabulary (the original tool had free text only), plus `other` with the verb phrase as written. */

export const ZRelationType = z.enum(RELATION_TYPES);
export type TRelationType = z.infer<typeof ZRelationType>;

/**
 * Clear antonyms only: the distractor builder flips a relation to its inverse and checks the result
 * is false in the graph. "enables" has no single antonym (prevents ↔ causes already), so it is absent.
 */
export const INVERSE_RELATION: Readonly<Partial<Record<TRelationType, TRelationType>>> = Object.freeze({
  increases: "decreases",
  decreases: "increases",
  causes: "prevents",
  prevents: "causes",
});

/** How a relation of each type reads between subject and object (used when the text's own wording runs the other way). */
export const RELATION_PHRASE: Readonly<Record<TRelationType, string>> = Object.freeze({
  is_a: "is a",
  part_of: "is part of",
  causes: "causes",
  prevents: "prevents",
  enables: "enables",
  requires: "requires",
  increases: "increases",
  decreases: "decreases",
  precedes: "precedes",
  produces: "produces",
  contrasts_with: "contrasts with",
  defined_as: "is defined as",
  measured_by: "is measured by",
  example_of: "is an example of",
  other: "relates to",
});

/** Character offsets into the chunk text: `chunkText.slice(start, end)`. */
export const ZSpan = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((s) => s.end > s.start, { message: "A span must end after it starts" });
export type TSpan = z.infer<typeof ZSpan>;

const ZKey = z.string().trim().min(1).max(200);

export const ZConcept = z.object({
  /** Normalised term (see normalizeTermKey); unique within the chunk. */
  key: ZKey,
  /** Surface form as first seen in the chunk. */
  term: z.string().trim().min(1).max(300),
  aliases: z.array(z.string().trim().min(1).max(300)).default([]),
  definition: z.string().trim().min(1).max(4000).nullable().default(null),
  definitionSpan: ZSpan.nullable().default(null),
  /** Heuristic category: process, entity, quantity, property, organism, concept (free text for LLM providers). */
  type: z.string().trim().min(1).max(60).default("concept"),
});
export type TConcept = z.infer<typeof ZConcept>;

export const ZRelation = z.object({
  /** Stable id within the chunk, e.g. "r3". */
  key: ZKey,
  /** Concept keys. */
  subject: ZKey,
  type: ZRelationType,
  /** The verb phrase, reading from subject to object. */
  predicate: z.string().trim().min(1).max(200),
  object: ZKey,
  negated: z.boolean().default(false),
  /** The supporting sentence or clause; it must contain the subject's and the object's surface forms. */
  quote: ZSpan,
});
export type TRelation = z.infer<typeof ZRelation>;

export const ZChainStep = z.object({
  order: z.number().int().min(0),
  relationKey: ZKey,
  /** The step, readable on its own. */
  text: z.string().trim().min(1).max(1000),
});
export type TChainStep = z.infer<typeof ZChainStep>;

export const ZChainNote = z.object({
  text: z.string().trim().min(1).max(2000),
  span: ZSpan,
});
export type TChainNote = z.infer<typeof ZChainNote>;

/** A common confusion; when the text states it as a (negated or contrasting) relation, that relation is linked. */
export const ZNegativeConstraint = ZChainNote.extend({ relationKey: ZKey.nullable().default(null) });
export type TNegativeConstraint = z.infer<typeof ZNegativeConstraint>;

export const ZChain = z.object({
  key: ZKey,
  title: z.string().trim().min(1).max(300),
  /** Ordered and connected: consecutive steps' relations share a concept. */
  steps: z.array(ZChainStep).min(2),
  preconditions: z.array(ZChainNote).default([]),
  negativeConstraints: z.array(ZNegativeConstraint).default([]),
});
export type TChain = z.infer<typeof ZChain>;

export const ZExtractedChunk = z.object({
  chains: z.array(ZChain).default([]),
  relations: z.array(ZRelation).default([]),
  concepts: z.array(ZConcept).default([]),
});
export type TExtractedChunk = z.infer<typeof ZExtractedChunk>;
export type TExtractedChunkInput = z.input<typeof ZExtractedChunk>;

export type TRejectedKind = "concept" | "relation" | "chain" | "precondition" | "negative_constraint" | "definition";

export interface TRejection {
  kind: TRejectedKind;
  key: string;
  reason: string;
}

export interface TVerifiedExtraction {
  valid: TExtractedChunk;
  rejected: TRejection[];
}
