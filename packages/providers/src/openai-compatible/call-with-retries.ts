// One request with our own retries, for every call to an endpoint (JSON, text, streams): each
// attempt takes a slot from the provider's shared rate limit, goes out once (the client never
// retries by itself), and a retryable failure (429, 5xx, timeout) waits (Retry-After or backoff)
// before the next, up to the context's maxRetries. Errors leave with the key redacted.
import { setTimeout as sleep } from "node:timers/promises";
import { ContextLengthError, ProviderRequestError, ProviderUnavailableError } from "../errors.ts";
import { redactSecret } from "../secrets.ts";
import { adaptToRejection } from "./chat-request.ts";
import type { TOpenAiContext } from "./context.ts";
import { classifyFailure, computeRetryDelayMs, type TFailure } from "./retry-policy.ts";

// How OpenAI, vLLM, Ollama and llama.cpp word "the prompt plus max tokens exceeds the context window".
const CONTEXT_LENGTH = /context length|context_length|maximum context|context window|too many tokens|prompt is too long/i;

export function describeFailure(ctx: TOpenAiContext, failure: Pick<TFailure, "status" | "kind" | "message">): string {
  const where = failure.status !== null ? `HTTP ${failure.status}` : failure.kind;
  return redactSecret(`${where}: ${failure.message}`, ctx.settings.apiKey).slice(0, 500);
}

/**
 * `attempt` builds its request afresh each time (an endpoint that refused a parameter gets the next
 * one without it) and reports the tokens it used, for the rate limit.
 */
export async function callWithRetries<T>(
  ctx: TOpenAiContext,
  estimatedTokens: number,
  attempt: () => Promise<{ value: T; tokens: number }>,
): Promise<{ value: T; attempts: number }> {
  const { settings, stats, limiter, logger, timing } = ctx;
  let attempts = 0;
  let retries = 0;
  for (;;) {
    const ticket = await limiter.acquire({ requests: 1, tokens: estimatedTokens });
    attempts++;
    stats.httpRequests++;
    try {
      const { value, tokens } = await attempt();
      await limiter.settle(ticket, tokens);
      return { value, attempts };
    } catch (error) {
      const failure = classifyFailure(error);
      // A refused answer used no tokens; a timeout may have (the server kept going).
      await limiter.settle(ticket, failure.kind === "timeout" || failure.kind === "connection" ? estimatedTokens : 0);
      if (!failure.retryable) {
        if (adaptToRejection(ctx.compat, failure.status, failure.message)) {
          logger.warn({ providerId: settings.id, status: failure.status, compat: { ...ctx.compat } }, "endpoint refused a request parameter; sending without it");
          continue;
        }
        if (failure.kind === "aborted") throw error;
        const details = { providerId: settings.id, status: failure.status };
        if (CONTEXT_LENGTH.test(failure.message)) throw new ContextLengthError(`Provider "${settings.name}": the request is too long for the model (${describeFailure(ctx, failure)})`, details);
        throw new ProviderRequestError(`Provider "${settings.name}" refused the request (${describeFailure(ctx, failure)})`, details);
      }
      if (retries >= settings.maxRetries) {
        throw new ProviderUnavailableError(`Provider "${settings.name}" failed after ${attempts} attempts (${describeFailure(ctx, failure)})`, {
          providerId: settings.id,
          attempts,
          lastStatus: failure.status,
        });
      }
      const delayMs = computeRetryDelayMs(retries, failure, timing);
      retries++;
      stats.retries++;
      logger.warn({ providerId: settings.id, kind: failure.kind, status: failure.status, retry: retries, delayMs }, "provider request failed; retrying");
      await sleep(delayMs, undefined, { signal: ctx.signal });
    }
  }
}
