// The dry-run estimate shown before an extraction run starts: calls, tokens, cost and how long the
// provider's rate limit makes it take. Token counts use the engine's countTokens (an estimate close
// to BPE tokenisers on English prose), so treat the figures as ±20 %. Repair turns and retries are
// not included, and neither are cache hits: a re-run is estimated as if nothing were cached.
import { countTokens } from "@proda/engine";
import { computeCostUsd, isPriced } from "./cost.ts";
import { buildExtractionSchema } from "./prompts/extraction-schema.ts";
import { buildExtractionSystemPrompt, buildExtractionUserPrompt, estimateExtractionCompletionTokens } from "./prompts/extraction.ts";
import type { TProviderSettings } from "./types.ts";

export interface TRunEstimate {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  /** False when the provider has no prices set (costUsd is then 0, not "free"). */
  priced: boolean;
  /** Minutes the run takes at the provider's requests/tokens-per-minute limits; 0 without limits. */
  minutesAtRateLimit: number;
}

// Chat framing the endpoint counts on top of the text: ~4 tokens per message, 2 messages, + reply priming.
const CHAT_FRAMING_TOKENS = 11;

const overheadByVocabulary = new Map<string, number>();

/** Prompt tokens of one extraction call besides the chunk itself (system prompt, markers, framing), measured once. */
export function measureExtractionPromptOverhead(relationTypes: readonly string[] = []): number {
  const { vocabulary } = buildExtractionSchema(relationTypes);
  const id = vocabulary.join(",");
  let overhead = overheadByVocabulary.get(id);
  if (overhead === undefined) {
    // The response schema is left out: endpoints differ in whether (and how) they bill it, and in
    // json_object mode it moves into the system prompt (then ~+40 %).
    overhead = countTokens(buildExtractionSystemPrompt(vocabulary)) + countTokens(buildExtractionUserPrompt("")) + CHAT_FRAMING_TOKENS;
    overheadByVocabulary.set(id, overhead);
  }
  return overhead;
}

export function estimateRun(chunks: readonly { text: string }[], settings: TProviderSettings, options: { relationTypes?: string[] } = {}): TRunEstimate {
  if (settings.kind === "builtin") return { calls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, priced: true, minutesAtRateLimit: 0 };
  const overhead = measureExtractionPromptOverhead(options.relationTypes);
  let promptTokens = 0;
  let completionTokens = 0;
  for (const chunk of chunks) {
    const tokens = countTokens(chunk.text);
    promptTokens += overhead + tokens;
    completionTokens += estimateExtractionCompletionTokens(tokens);
  }
  const calls = chunks.length;
  const byRequests = settings.requestsPerMinute ? calls / settings.requestsPerMinute : 0;
  const byTokens = settings.tokensPerMinute ? (promptTokens + completionTokens) / settings.tokensPerMinute : 0;
  return {
    calls,
    promptTokens,
    completionTokens,
    costUsd: computeCostUsd({ promptTokens, completionTokens }, settings),
    priced: isPriced(settings),
    minutesAtRateLimit: Math.round(Math.max(byRequests, byTokens) * 100) / 100,
  };
}
