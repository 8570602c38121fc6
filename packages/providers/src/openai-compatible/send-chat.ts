// One chat request with our own retries: each attempt first takes a slot from the shared rate limit,
// then goes out once (the client never retries by itself), and a retryable failure waits (Retry-After
// or backoff) before the next. Errors leave this module with the key redacted from every message.
import { setTimeout as sleep } from "node:timers/promises";
import { countTokens } from "@proda/engine";
import { ContextLengthError, ProviderRequestError, ProviderUnavailableError } from "../errors.ts";
import { redactSecret } from "../secrets.ts";
import { adaptToRejection, buildChatRequest, type TChatInput } from "./chat-request.ts";
import type { TOpenAiContext } from "./context.ts";
import { classifyFailure, computeRetryDelayMs, type TFailure } from "./retry-policy.ts";

// How OpenAI, vLLM, Ollama and llama.cpp word "the prompt plus max tokens exceeds the context window".
const CONTEXT_LENGTH = /context length|context_length|maximum context|context window|too many tokens|prompt is too long/i;

export interface TChatReply {
  content: string | null;
  /** "length" means the answer was cut off at max tokens. */
  finishReason: string | null;
  promptTokens: number;
  completionTokens: number;
  attempts: number;
}

function estimatePromptTokens(input: TChatInput): number {
  const repair = input.repair ? countTokens(input.repair.badOutput) + countTokens(input.repair.message) : 0;
  // ~4 tokens of chat framing per message, as OpenAI's own counting guide puts it.
  return countTokens(input.system) + countTokens(input.user) + repair + (input.repair ? 16 : 8);
}

function describeFailure(ctx: TOpenAiContext, failure: TFailure): string {
  const where = failure.status !== null ? `HTTP ${failure.status}` : failure.kind;
  return redactSecret(`${where}: ${failure.message}`, ctx.settings.apiKey).slice(0, 500);
}

export async function sendChat(ctx: TOpenAiContext, input: TChatInput, expectedCompletionTokens: number): Promise<TChatReply> {
  const { settings, stats, limiter, logger, timing } = ctx;
  const estimate = estimatePromptTokens(input) + expectedCompletionTokens;
  let attempts = 0;
  let retries = 0;
  for (;;) {
    const body = buildChatRequest(input, ctx.compat);
    const ticket = await limiter.acquire({ requests: 1, tokens: estimate });
    attempts++;
    stats.httpRequests++;
    try {
      const completion = await ctx.client.chat.completions.create(body, { signal: ctx.signal });
      const choice = completion.choices?.[0];
      const content = choice?.message?.content ?? null;
      // Endpoints without `usage` (some local servers) are counted with our own estimate.
      const promptTokens = completion.usage?.prompt_tokens ?? estimatePromptTokens(input);
      const completionTokens = completion.usage?.completion_tokens ?? countTokens(content ?? "");
      await limiter.settle(ticket, promptTokens + completionTokens);
      return { content, finishReason: choice?.finish_reason ?? null, promptTokens, completionTokens, attempts };
    } catch (error) {
      const failure = classifyFailure(error);
      // A refused or failed HTTP answer used no tokens; a timeout may have (the server kept going).
      await limiter.settle(ticket, failure.kind === "timeout" || failure.kind === "connection" ? estimate : 0);
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
