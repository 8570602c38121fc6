// The client for evaluation and chat: a registered model's remote id on its provider's endpoint,
// through the provider's shared rate limit (the same Redis limit extraction uses), no response
// cache (an evaluation must ask the model, not replay an old answer), with the caller's retries.
import type { Logger } from "@proda/core/server";
import type { Redis } from "ioredis";
import { createOpenAiContext, type TOpenAiContext } from "../openai-compatible/context.ts";
import type { TRetryTiming } from "../openai-compatible/retry-policy.ts";
import { createRateLimiter } from "../rate-limit.ts";
import { protectSettings } from "../secrets.ts";
import type { TProviderSettings } from "../types.ts";

export interface TChatContextOptions {
  /** The registered model's remote id; the provider's own model when absent. */
  model?: string | null;
  maxRetries?: number;
  /** Null: no rate limit of our own (the endpoint's 429s are still retried). */
  redis: Redis | null;
  rateLimitWindowMs?: number;
  retryTiming?: Partial<TRetryTiming>;
  logger?: Logger;
  signal?: AbortSignal;
}

export function createChatContext(settings: TProviderSettings, options: TChatContextOptions): TOpenAiContext {
  // A copy, so the caller's settings keep their own model and retries; protected again at once.
  const effective = protectSettings({
    ...settings,
    model: options.model || settings.model,
    maxRetries: options.maxRetries ?? settings.maxRetries,
  });
  const limiter = options.redis
    ? createRateLimiter(options.redis, {
        providerId: settings.id,
        requestsPerMinute: settings.requestsPerMinute,
        tokensPerMinute: settings.tokensPerMinute,
        windowMs: options.rateLimitWindowMs,
        signal: options.signal,
      })
    : null;
  return createOpenAiContext(effective, { cache: null, limiter, retryTiming: options.retryTiming, logger: options.logger, signal: options.signal });
}
