// One chat request for the JSON calls, through the shared retry loop (call-with-retries.ts): the
// reply's text, why it ended, and the tokens it used.
import { countTokens } from "@proda/engine";
import { buildChatRequest, type TChatInput } from "./chat-request.ts";
import { callWithRetries } from "./call-with-retries.ts";
import type { TOpenAiContext } from "./context.ts";

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

export async function sendChat(ctx: TOpenAiContext, input: TChatInput, expectedCompletionTokens: number): Promise<TChatReply> {
  const estimate = estimatePromptTokens(input) + expectedCompletionTokens;
  const { value, attempts } = await callWithRetries(ctx, estimate, async () => {
    const completion = await ctx.client.chat.completions.create(buildChatRequest(input, ctx.compat), { signal: ctx.signal });
    const choice = completion.choices?.[0];
    const content = choice?.message?.content ?? null;
    // Endpoints without `usage` (some local servers) are counted with our own estimate.
    const promptTokens = completion.usage?.prompt_tokens ?? estimatePromptTokens(input);
    const completionTokens = completion.usage?.completion_tokens ?? countTokens(content ?? "");
    return { value: { content, finishReason: choice?.finish_reason ?? null, promptTokens, completionTokens }, tokens: promptTokens + completionTokens };
  });
  return { ...value, attempts };
}
