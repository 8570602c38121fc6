// A plain-text chat request (no structured output): evaluation answers and model chat. Parameters an
// endpoint refused once (max_tokens, temperature) stay off for that context, as for JSON calls.
import { countTokens } from "@proda/engine";
import type { ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import type { TOpenAiContext } from "../openai-compatible/context.ts";

export interface TChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface TTextRequest {
  messages: readonly TChatMessage[];
  temperature?: number;
  maxTokens?: number;
}

export function buildTextBody(ctx: TOpenAiContext, request: TTextRequest): ChatCompletionCreateParamsNonStreaming {
  const body: ChatCompletionCreateParamsNonStreaming = {
    model: ctx.model,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
  };
  if (ctx.compat.sendTemperature && request.temperature !== undefined) body.temperature = request.temperature;
  if (request.maxTokens) body[ctx.compat.maxTokensParam] = request.maxTokens;
  return body;
}

/** Our own count, for the rate-limit reservation and for endpoints that send no `usage`. */
export function estimatePromptTokens(request: TTextRequest): number {
  // ~4 tokens of chat framing per message, as OpenAI's own counting guide puts it.
  return request.messages.reduce((n, m) => n + countTokens(m.content) + 4, 3);
}
