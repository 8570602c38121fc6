// The body of one chat-completions request, and what to change when an endpoint refuses part of it.
// OpenAI-compatible servers differ: some lack json_schema structured output, newer OpenAI models
// refuse `max_tokens` and `temperature: 0`. Each refusal (a 400 naming the parameter) switches that
// one thing off for the rest of this provider instance's life, once.
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from "openai/resources/chat/completions";

export interface TCompatState {
  format: "json_schema" | "json_object";
  maxTokensParam: "max_tokens" | "max_completion_tokens";
  sendTemperature: boolean;
}

export function createCompatState(): TCompatState {
  return { format: "json_schema", maxTokensParam: "max_tokens", sendTemperature: true };
}

export interface TChatInput {
  model: string;
  system: string;
  user: string;
  schemaName: string;
  jsonSchema: Record<string, unknown>;
  maxTokens?: number;
  /** The failed answer and the repair instruction, for the one repair turn. */
  repair?: { badOutput: string; message: string };
}

// json_object mode does not carry the schema, so the model reads it from the prompt instead.
function describeSchemaForPrompt(jsonSchema: Record<string, unknown>): string {
  return `\n\nAnswer with one JSON object that matches this JSON Schema exactly:\n${JSON.stringify(jsonSchema)}`;
}

export function buildChatRequest(input: TChatInput, compat: TCompatState): ChatCompletionCreateParamsNonStreaming {
  const system = compat.format === "json_object" ? input.system + describeSchemaForPrompt(input.jsonSchema) : input.system;
  const messages: ChatCompletionMessageParam[] = [
    { role: "system", content: system },
    { role: "user", content: input.user },
  ];
  if (input.repair) {
    messages.push({ role: "assistant", content: input.repair.badOutput }, { role: "user", content: input.repair.message });
  }
  const body: ChatCompletionCreateParamsNonStreaming = {
    model: input.model,
    messages,
    response_format:
      compat.format === "json_schema"
        ? { type: "json_schema", json_schema: { name: input.schemaName, schema: input.jsonSchema, strict: true } }
        : { type: "json_object" },
  };
  if (compat.sendTemperature) body.temperature = 0;
  if (input.maxTokens) body[compat.maxTokensParam] = input.maxTokens;
  return body;
}

/**
 * Adapts to a 400 that names a parameter we can do without. Returns true when something changed
 * (the request is then worth sending again), false when the 400 is about something else.
 */
export function adaptToRejection(compat: TCompatState, status: number | null, message: string): boolean {
  if (status !== 400 && status !== 422) return false;
  const text = message.toLowerCase();
  if (compat.format === "json_schema" && /response_format|json_schema|structured output|guided_json/.test(text)) {
    compat.format = "json_object";
    return true;
  }
  if (compat.maxTokensParam === "max_tokens" && text.includes("max_tokens")) {
    compat.maxTokensParam = "max_completion_tokens";
    return true;
  }
  if (compat.sendTemperature && text.includes("temperature")) {
    compat.sendTemperature = false;
    return true;
  }
  return false;
}
