// One plain-text completion (an evaluation answer): the reply's text, its tokens and cost, and how
// many HTTP attempts it took. Endpoints without `usage` are counted with our own estimate.
import { countTokens } from "@proda/engine";
import { computeCostUsd } from "../cost.ts";
import type { TOpenAiContext } from "../openai-compatible/context.ts";
import { buildTextBody, estimatePromptTokens, type TTextRequest } from "./text-request.ts";
import { callWithRetries } from "../openai-compatible/call-with-retries.ts";

export interface TTextReply {
  content: string;
  /** "length": cut off at max tokens. */
  finishReason: string | null;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  attempts: number;
}

export async function completeText(ctx: TOpenAiContext, request: TTextRequest): Promise<TTextReply> {
  const estimate = estimatePromptTokens(request) + (request.maxTokens ?? 512);
  const { value, attempts } = await callWithRetries(ctx, estimate, async () => {
    const completion = await ctx.client.chat.completions.create(buildTextBody(ctx, request), { signal: ctx.signal });
    const choice = completion.choices?.[0];
    const content = choice?.message?.content ?? "";
    const promptTokens = completion.usage?.prompt_tokens ?? estimatePromptTokens(request);
    const completionTokens = completion.usage?.completion_tokens ?? countTokens(content);
    return { value: { content, finishReason: choice?.finish_reason ?? null, promptTokens, completionTokens }, tokens: promptTokens + completionTokens };
  });
  const costUsd = computeCostUsd(value, ctx.settings);
  ctx.stats.calls++;
  ctx.stats.promptTokens += value.promptTokens;
  ctx.stats.completionTokens += value.completionTokens;
  ctx.stats.costUsd += costUsd;
  return { ...value, costUsd, attempts };
}
