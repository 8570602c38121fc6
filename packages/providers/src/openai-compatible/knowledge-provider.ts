// Knowledge extraction through any OpenAI-compatible endpoint: the extraction prompt through
// callJson, quotes re-located by their text, then the engine's verifier, whose drops are counted as
// rejected items. A chunk whose answer stays invalid after the repair turn is "rejected".
import { countTokens, verifyExtraction } from "@proda/engine";
import { buildExtractionSchema } from "../prompts/extraction-schema.ts";
import {
  buildExtractionSystemPrompt,
  buildExtractionUserPrompt,
  estimateExtractionCompletionTokens,
  EXTRACTION_MAX_TOKENS,
} from "../prompts/extraction.ts";
import { toExtractedChunk } from "../prompts/read-extraction.ts";
import type { TExtractChunkInput, TExtractionOutcome, TKnowledgeProvider, TProviderSettings } from "../types.ts";
import { createOpenAiContext, type TOpenAiContext, type TOpenAiDeps } from "./context.ts";
import { callJson } from "./json-call.ts";

export interface TOpenAiKnowledgeProvider extends TKnowledgeProvider {
  /** The JSON-call context, for later stages that reuse this provider's client, cache and limit. */
  readonly context: TOpenAiContext;
}

export function createOpenAiKnowledgeProvider(settings: TProviderSettings, deps: TOpenAiDeps): TOpenAiKnowledgeProvider {
  const context = createOpenAiContext(settings, deps);
  const provider = {
    kind: "openai-compatible" as const,
    label: context.model,
    stats: () => ({ ...context.stats }),
    async extractChunk(input: TExtractChunkInput): Promise<TExtractionOutcome> {
      const schema = buildExtractionSchema(input.relationTypes);
      const result = await callJson(
        {
          system: buildExtractionSystemPrompt(schema.vocabulary),
          user: buildExtractionUserPrompt(input.text, input.discipline),
          schema: schema.schema,
          schemaName: schema.name,
          jsonSchema: schema.jsonSchema,
          maxTokens: EXTRACTION_MAX_TOKENS,
          expectedCompletionTokens: estimateExtractionCompletionTokens(countTokens(input.text)),
        },
        context,
      );
      if (result.value === null) return { status: "rejected", reason: result.rejectReason ?? "invalid", usage: result.usage };
      const verified = verifyExtraction(input.text, toExtractedChunk(result.value, input.text));
      return { status: "done", result: verified.valid, rejectedItems: verified.rejected.length, rejections: verified.rejected, usage: result.usage };
    },
  };
  // Not enumerable: whoever logs the provider object does not walk into the client and its key.
  return Object.defineProperty(provider, "context", { value: context, enumerable: false }) as TOpenAiKnowledgeProvider;
}
