// The offline provider: the engine's deterministic extractor behind the same interface as an LLM, so
// every stage runs with no key and no network. Its output goes through the same verifier.
import { extractKnowledgeBuiltin, verifyExtraction } from "@proda/engine";
import { createEmptyStats, type TCallUsage, type TExtractChunkInput, type TExtractionOutcome, type TKnowledgeProvider } from "./types.ts";

export const BUILTIN_LABEL = "builtin (offline)";

export function createBuiltinKnowledgeProvider(): TKnowledgeProvider {
  const stats = createEmptyStats();
  return {
    kind: "builtin",
    label: BUILTIN_LABEL,
    stats: () => ({ ...stats }),
    async extractChunk(input: TExtractChunkInput): Promise<TExtractionOutcome> {
      // relationTypes only widen an LLM's vocabulary; the builtin patterns have a fixed one.
      const extracted = extractKnowledgeBuiltin(input.text);
      const verified = verifyExtraction(input.text, extracted);
      const usage: TCallUsage = { promptTokens: 0, completionTokens: 0, costUsd: 0, cached: false, attempts: 1 };
      stats.calls++;
      return { status: "done", result: verified.valid, rejectedItems: verified.rejected.length, rejections: verified.rejected, usage };
    },
  };
}
