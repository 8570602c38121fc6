// The provider contract every stage talks to: one settings shape, one usage record per call, and the
// knowledge-extraction interface that both the builtin and the OpenAI-compatible provider implement.
import type { TExtractedChunk, TRejection } from "@proda/engine";
import { z } from "zod";

export const PROVIDER_KINDS = ["builtin", "openai-compatible"] as const;
export type TProviderKind = (typeof PROVIDER_KINDS)[number];

const ZLimit = z.number().int().positive().nullable().default(null);
const ZPrice = z.number().min(0).nullable().default(null);

export const ZProviderSettings = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(PROVIDER_KINDS),
  baseUrl: z.url().nullable().default(null),
  model: z.string().min(1).nullable().default(null),
  /** Decrypted, server-side only; never logged, never put into an error or an artifact. */
  apiKey: z.string().nullable().default(null),
  /** Null: no limit of our own (the endpoint may still answer 429, which is retried). */
  requestsPerMinute: ZLimit,
  tokensPerMinute: ZLimit,
  /** Null: price unknown, cost is reported as 0. */
  inputUsdPerMTok: ZPrice,
  outputUsdPerMTok: ZPrice,
  timeoutMs: z.number().int().positive().default(60_000),
  /** Retries after the first attempt of one request (429, 5xx, timeouts, connection resets). */
  maxRetries: z.number().int().min(0).max(20).default(4),
});
export type TProviderSettings = z.infer<typeof ZProviderSettings>;
export type TProviderSettingsInput = z.input<typeof ZProviderSettings>;

/** What one logical call cost. Cache hits keep the original call's tokens but cost nothing. */
export interface TCallUsage {
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  cached: boolean;
  /** HTTP requests sent for this call: retries and the repair turn included; 0 on a cache hit. */
  attempts: number;
}

export interface TExtractChunkInput {
  chunkId: string;
  text: string;
  discipline?: string;
  /** Relation types added to the built-in vocabulary (snake_case); stored as type "other". */
  relationTypes?: string[];
}

export type TExtractionOutcome =
  | { status: "done"; result: TExtractedChunk; rejectedItems: number; rejections: TRejection[]; usage: TCallUsage }
  | { status: "rejected"; reason: string; usage: TCallUsage };

/** Counters of one provider instance since it was created (benchmarks, logs, tests). */
export interface TProviderStats {
  calls: number;
  cachedCalls: number;
  rejectedCalls: number;
  repairTurns: number;
  httpRequests: number;
  retries: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

export interface TKnowledgeProvider {
  readonly kind: TProviderKind;
  /** Shown in the UI: "builtin (offline)" or the model name. */
  readonly label: string;
  extractChunk(input: TExtractChunkInput): Promise<TExtractionOutcome>;
  stats(): TProviderStats;
}

/** One structured call: reused by every stage that needs JSON from a model (extraction, wording, judging). */
export interface TJsonRequest<T> {
  system: string;
  user: string;
  schema: z.ZodType<T>;
  /** Names the response format; part of the cache key. */
  schemaName: string;
  /** Sent as the structured-output schema; derived from `schema` when absent. */
  jsonSchema?: Record<string, unknown>;
  maxTokens?: number;
  /** Reserved against the tokens-per-minute limit before the call, corrected after it. */
  expectedCompletionTokens?: number;
}

export interface TJsonResult<T> {
  value: T | null;
  /** Set when value is null: "invalid_json", "empty_response", "schema: path: message". */
  rejectReason?: string;
  usage: TCallUsage;
}

export function createEmptyStats(): TProviderStats {
  return { calls: 0, cachedCalls: 0, rejectedCalls: 0, repairTurns: 0, httpRequests: 0, retries: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 };
}
