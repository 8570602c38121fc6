// The JSON an LLM returns for one chunk: the engine's ZExtractedChunk with every character span
// replaced by a quote that also carries its TEXT. Models miscount offsets; with the text we can find
// the quote in the chunk and fix them (read-extraction.ts) before the engine's verifier runs.
import { RELATION_TYPES, ZChain, ZChainNote, ZConcept, ZNegativeConstraint, ZRelation } from "@proda/engine";
import { z } from "zod";
import { toStrictJsonSchema } from "../openai-compatible/strict-schema.ts";

export const ZQuote = z.object({
  /** Copied character for character from the chunk. */
  text: z.string().min(1).max(4000),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type TQuote = z.infer<typeof ZQuote>;

const ZRelationTypeName = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

/** The built-in vocabulary plus valid, new additions, in a stable order (part of the cache key). */
export function resolveRelationVocabulary(extra: readonly string[] = []): string[] {
  const added = [...new Set(extra.map((t) => t.trim().toLowerCase()))].filter((t) => ZRelationTypeName.safeParse(t).success && !(RELATION_TYPES as readonly string[]).includes(t));
  return [...RELATION_TYPES.filter((t) => t !== "other"), ...added.sort(), "other"];
}

function buildWireSchema(vocabulary: string[]) {
  const ZWireNote = ZChainNote.extend({ span: ZQuote });
  const ZWireNegative = ZNegativeConstraint.extend({ span: ZQuote });
  return z.object({
    chains: z.array(ZChain.extend({ preconditions: z.array(ZWireNote).default([]), negativeConstraints: z.array(ZWireNegative).default([]) })).default([]),
    relations: z.array(ZRelation.extend({ type: z.enum(vocabulary as [string, ...string[]]), quote: ZQuote })).default([]),
    concepts: z.array(ZConcept.omit({ definitionSpan: true }).extend({ definitionQuote: ZQuote.nullable().default(null) })).default([]),
  });
}

export type TWireExtraction = z.infer<ReturnType<typeof buildWireSchema>>;

export interface TExtractionSchema {
  name: string;
  vocabulary: string[];
  schema: z.ZodType<TWireExtraction>;
  jsonSchema: Record<string, unknown>;
}

// One schema object per vocabulary, so callJson's JSON-Schema memo and the cache key stay stable.
const schemas = new Map<string, TExtractionSchema>();

export function buildExtractionSchema(relationTypes: readonly string[] = []): TExtractionSchema {
  const vocabulary = resolveRelationVocabulary(relationTypes);
  const id = vocabulary.join(",");
  let found = schemas.get(id);
  if (!found) {
    const schema = buildWireSchema(vocabulary) as z.ZodType<TWireExtraction>;
    found = { name: "knowledge_extraction", vocabulary, schema, jsonSchema: toStrictJsonSchema(schema) };
    schemas.set(id, found);
  }
  return found;
}
