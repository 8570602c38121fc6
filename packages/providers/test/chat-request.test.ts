import { describe, expect, it } from "vitest";
import { adaptToRejection, buildChatRequest, createCompatState } from "../src/openai-compatible/chat-request.ts";

const input = { model: "m", system: "sys", user: "usr", schemaName: "answer", jsonSchema: { type: "object" }, maxTokens: 100 };

describe("buildChatRequest", () => {
  it("asks for strict json_schema output first", () => {
    const body = buildChatRequest(input, createCompatState());
    expect(body.response_format).toEqual({ type: "json_schema", json_schema: { name: "answer", schema: { type: "object" }, strict: true } });
    expect(body).toMatchObject({ temperature: 0, max_tokens: 100 });
    expect(body.messages).toHaveLength(2);
  });

  it("adds the bad answer and the repair instruction as two more turns", () => {
    const body = buildChatRequest({ ...input, repair: { badOutput: "{", message: "fix it" } }, createCompatState());
    expect(body.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
  });
});

describe("adaptToRejection", () => {
  it("falls back to json_object once, with the schema moved into the prompt", () => {
    const compat = createCompatState();
    expect(adaptToRejection(compat, 400, "response_format json_schema is not supported")).toBe(true);
    expect(compat.format).toBe("json_object");
    expect(adaptToRejection(compat, 400, "response_format json_schema is not supported")).toBe(false);
    const body = buildChatRequest(input, compat);
    expect(body.response_format).toEqual({ type: "json_object" });
    expect(body.messages[0]!.content).toContain('{"type":"object"}');
  });

  it("switches to max_completion_tokens and drops temperature when the model refuses them", () => {
    const compat = createCompatState();
    expect(adaptToRejection(compat, 400, "Unsupported parameter: 'max_tokens' is not supported with this model.")).toBe(true);
    expect(adaptToRejection(compat, 400, "Unsupported value: 'temperature' does not support 0")).toBe(true);
    const body = buildChatRequest(input, compat);
    expect(body).toMatchObject({ max_completion_tokens: 100 });
    expect(body).not.toHaveProperty("max_tokens");
    expect(body).not.toHaveProperty("temperature");
    expect(adaptToRejection(compat, 401, "response_format")).toBe(false);
  });
});
