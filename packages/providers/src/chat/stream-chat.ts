// Model chat as a stream of text pieces. Opening the stream goes through the shared rate limit and
// the retry policy (a 429 or 5xx before the first byte is retried); once text flows, a broken
// stream ends with a ProviderUnavailableError whose message never carries the key.
import { APIUserAbortError } from "openai";
import { ProviderUnavailableError } from "../errors.ts";
import type { TOpenAiContext } from "../openai-compatible/context.ts";
import { classifyFailure } from "../openai-compatible/retry-policy.ts";
import { buildTextBody, estimatePromptTokens, type TTextRequest } from "./text-request.ts";
import { callWithRetries, describeFailure } from "../openai-compatible/call-with-retries.ts";

/** Resolves once the endpoint accepted the request (so refusals surface as errors, not as an empty stream). */
export async function openChatStream(ctx: TOpenAiContext, request: TTextRequest): Promise<AsyncGenerator<string, void>> {
  const estimate = estimatePromptTokens(request) + (request.maxTokens ?? 512);
  const { value: stream } = await callWithRetries(ctx, estimate, async () => {
    const opened = await ctx.client.chat.completions.create({ ...buildTextBody(ctx, request), stream: true }, { signal: ctx.signal });
    return { value: opened, tokens: estimate };
  });
  ctx.stats.calls++;
  return (async function* pieces() {
    try {
      for await (const chunk of stream) {
        const delta = chunk.choices?.[0]?.delta?.content;
        if (delta) yield delta;
      }
    } catch (error) {
      if (error instanceof APIUserAbortError || ctx.signal?.aborted) return;
      const failure = classifyFailure(error);
      throw new ProviderUnavailableError(`Provider "${ctx.settings.name}" broke off the reply (${describeFailure(ctx, failure)})`, {
        providerId: ctx.settings.id,
        attempts: 1,
        lastStatus: failure.status,
      });
    }
  })();
}
