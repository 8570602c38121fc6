import { z } from "zod";
import { describe, expect, it } from "vitest";
import { parseReply, stripReply } from "../src/index.ts";
import { formatIssuePath } from "../src/openai-compatible/parse-reply.ts";

const ZAnswer = z.object({ steps: z.array(z.object({ relationKey: z.string(), order: z.number() })).min(1) });

describe("stripReply", () => {
  it("removes reasoning blocks, code fences and surrounding prose", () => {
    expect(stripReply('<think>let me see {"no": 1}</think>\n```json\n{"a": 1}\n```')).toBe('{"a": 1}');
    expect(stripReply('Here you go: {"a": {"b": 2}} Hope this helps.')).toBe('{"a": {"b": 2}}');
    expect(stripReply("<think>cut off mid-thought {")).toBe("");
    expect(stripReply('```\n{"a": 1}\n```')).toBe('{"a": 1}');
  });
});

describe("parseReply", () => {
  it("accepts valid JSON inside a fence", () => {
    const parsed = parseReply('```json\n{"steps": [{"relationKey": "r1", "order": 1}]}\n```', ZAnswer);
    expect(parsed).toEqual({ ok: true, value: { steps: [{ relationKey: "r1", order: 1 }] } });
  });

  it("names invalid JSON and empty answers", () => {
    expect(parseReply('{"steps": [', ZAnswer)).toMatchObject({ ok: false, reason: "invalid_json" });
    expect(parseReply("   ", ZAnswer)).toMatchObject({ ok: false, reason: "empty_response" });
    expect(parseReply(null, ZAnswer)).toMatchObject({ ok: false, reason: "empty_response" });
  });

  it("gives the first schema issue with its path as the reason and lists all for the repair turn", () => {
    const parsed = parseReply('{"steps": [{"order": "one"}]}', ZAnswer);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason).toMatch(/^schema: steps\[0\]\.relationKey: .+ \(\+1 more\)$/);
    expect(parsed.feedback).toContain("- steps[0].relationKey:");
    expect(parsed.feedback).toContain("- steps[0].order:");
  });

  it("formats paths like code", () => {
    expect(formatIssuePath(["chains", 0, "steps", 2, "text"])).toBe("chains[0].steps[2].text");
    expect(formatIssuePath([])).toBe("(root)");
  });
});
