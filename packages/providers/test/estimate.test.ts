import { countTokens } from "@proda/engine";
import { describe, expect, it } from "vitest";
import { computeCostUsd, estimateExtractionCompletionTokens, estimateRun, measureExtractionPromptOverhead, ZProviderSettings } from "../src/index.ts";
import { makeChunks } from "./fixtures.ts";

const openai = ZProviderSettings.parse({
  id: "p1", name: "gpt", kind: "openai-compatible", baseUrl: "http://127.0.0.1:1/v1", model: "gpt-test",
  requestsPerMinute: 60, tokensPerMinute: 100_000, inputUsdPerMTok: 0.5, outputUsdPerMTok: 1.5,
});

describe("computeCostUsd", () => {
  it("prices prompt and completion tokens per million, unknown prices as 0", () => {
    expect(computeCostUsd({ promptTokens: 1_000_000, completionTokens: 2_000_000 }, openai)).toBe(3.5);
    expect(computeCostUsd({ promptTokens: 1000, completionTokens: 1000 }, { inputUsdPerMTok: null, outputUsdPerMTok: null })).toBe(0);
  });
});

describe("estimateRun", () => {
  const chunks = makeChunks(10);

  it("costs nothing and calls nothing for builtin", () => {
    const builtin = ZProviderSettings.parse({ id: "b", name: "builtin", kind: "builtin" });
    expect(estimateRun(chunks, builtin)).toEqual({ calls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, priced: true, minutesAtRateLimit: 0 });
  });

  it("counts one call per chunk with the prompt overhead, the expected answer size, cost and time at the limit", () => {
    const estimate = estimateRun(chunks, openai);
    const chunkTokens = chunks.map((c) => countTokens(c.text));
    const overhead = measureExtractionPromptOverhead();
    expect(overhead).toBeGreaterThan(500); // the system prompt
    expect(estimate.calls).toBe(10);
    expect(estimate.promptTokens).toBe(chunkTokens.reduce((a, b) => a + b, 0) + 10 * overhead);
    expect(estimate.completionTokens).toBe(chunkTokens.reduce((a, t) => a + estimateExtractionCompletionTokens(t), 0));
    expect(estimate.costUsd).toBeCloseTo((estimate.promptTokens * 0.5 + estimate.completionTokens * 1.5) / 1e6, 6);
    expect(estimate.priced).toBe(true);
    // 10 calls at 60 rpm = 10 s; the token limit is looser here.
    expect(estimate.minutesAtRateLimit).toBeCloseTo(Math.max(10 / 60, (estimate.promptTokens + estimate.completionTokens) / 100_000), 2);
  });
});
