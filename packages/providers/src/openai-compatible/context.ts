// Everything one OpenAI-compatible provider instance carries between calls: the client, what the
// endpoint turned out to support, the shared cache and rate limit, and its counters.
import { createLogger, type Logger } from "@proda/core/server";
import OpenAI from "openai";
import type { TLlmCache } from "../cache.ts";
import { NO_RATE_LIMIT, type TRateLimiter } from "../rate-limit.ts";
import { protectSettings } from "../secrets.ts";
import { createEmptyStats, type TProviderSettings, type TProviderStats } from "../types.ts";
import { createCompatState, type TCompatState } from "./chat-request.ts";
import { DEFAULT_RETRY_TIMING, type TRetryTiming } from "./retry-policy.ts";

export interface TOpenAiDeps {
  /** Null: no response cache (every call goes to the endpoint). */
  cache: TLlmCache | null;
  /** Null: no limit of our own. */
  limiter: TRateLimiter | null;
  logger?: Logger;
  retryTiming?: Partial<TRetryTiming>;
  /** Aborts waits and requests in flight (job cancelled, worker shutting down). */
  signal?: AbortSignal;
}

export interface TOpenAiContext {
  readonly settings: TProviderSettings;
  readonly baseUrl: string;
  readonly model: string;
  readonly client: OpenAI;
  readonly compat: TCompatState;
  readonly cache: TLlmCache | null;
  readonly limiter: TRateLimiter;
  readonly logger: Logger;
  readonly timing: TRetryTiming;
  readonly signal?: AbortSignal;
  readonly stats: TProviderStats;
}

export function createOpenAiContext(settings: TProviderSettings, deps: TOpenAiDeps): TOpenAiContext {
  if (settings.kind !== "openai-compatible") throw new Error(`Not an OpenAI-compatible provider: ${settings.kind}`);
  if (!settings.baseUrl || !settings.model) throw new Error(`Provider "${settings.name}" needs a base URL and a model`);
  const client = new OpenAI({
    baseURL: settings.baseUrl,
    // A keyless local server (vLLM, Ollama) still gets a placeholder: the client would otherwise
    // fall back to OPENAI_API_KEY from the environment and send the server's own key elsewhere.
    apiKey: settings.apiKey || "no-key",
    // Same reason: never forward the environment's OpenAI organisation or project to this endpoint.
    organization: null,
    project: null,
    timeout: settings.timeoutMs,
    maxRetries: 0,
    logLevel: "off",
  });
  const context = {
    settings: protectSettings(settings),
    baseUrl: settings.baseUrl,
    model: settings.model,
    compat: createCompatState(),
    cache: deps.cache,
    limiter: deps.limiter ?? NO_RATE_LIMIT,
    logger: deps.logger ?? createLogger("providers"),
    timing: { ...DEFAULT_RETRY_TIMING, ...deps.retryTiming },
    signal: deps.signal,
    stats: createEmptyStats(),
  };
  // The client holds the key: hidden from JSON.stringify and inspect of the context.
  Object.defineProperty(context, "client", { value: client, enumerable: false });
  return context as TOpenAiContext;
}
