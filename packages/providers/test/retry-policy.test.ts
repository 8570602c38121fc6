import { APIConnectionTimeoutError, APIError } from "openai";
import { describe, expect, it } from "vitest";
import { classifyFailure, computeRetryDelayMs, readRetryAfterMs } from "../src/openai-compatible/retry-policy.ts";

const timing = { baseDelayMs: 100, maxDelayMs: 2000 };

describe("readRetryAfterMs", () => {
  it("reads the headers endpoints use, most precise first", () => {
    expect(readRetryAfterMs(new Headers({ "retry-after-ms": "250", "retry-after": "3" }))).toBe(250);
    expect(readRetryAfterMs(new Headers({ "retry-after": "3" }))).toBe(3000);
    expect(readRetryAfterMs(new Headers({ "retry-after": new Date(10_000 + 5000).toUTCString() }), 10_000)).toBeGreaterThan(3000);
    expect(readRetryAfterMs(new Headers({ "x-ratelimit-reset-requests": "6m0s" }))).toBe(360_000);
    expect(readRetryAfterMs(new Headers({ "x-ratelimit-reset-tokens": "20ms" }))).toBe(20);
    expect(readRetryAfterMs(new Headers({ "x-ratelimit-reset": "2" }))).toBe(2000);
    expect(readRetryAfterMs(new Headers({ "x-ratelimit-reset": "1700000010" }), 1_700_000_000_000)).toBe(10_000);
    expect(readRetryAfterMs(new Headers())).toBeNull();
  });
});

describe("classifyFailure", () => {
  it("retries 429, 5xx and timeouts, not other client errors", () => {
    const err = (status: number, headers: Record<string, string> = {}) => APIError.generate(status, { message: "x" }, "x", new Headers(headers));
    expect(classifyFailure(err(429, { "retry-after-ms": "40" }))).toMatchObject({ retryable: true, kind: "rate_limited", retryAfterMs: 40 });
    expect(classifyFailure(err(503))).toMatchObject({ retryable: true, kind: "server_error" });
    expect(classifyFailure(new APIConnectionTimeoutError())).toMatchObject({ retryable: true, kind: "timeout" });
    expect(classifyFailure(err(401))).toMatchObject({ retryable: false, status: 401 });
    expect(classifyFailure(err(400))).toMatchObject({ retryable: false, status: 400 });
  });
});

describe("computeRetryDelayMs", () => {
  it("grows exponentially within [ceiling/2, ceiling] and is capped", () => {
    for (let retry = 0; retry < 8; retry++) {
      const ceiling = Math.min(timing.maxDelayMs, timing.baseDelayMs * 2 ** retry);
      const failure = { retryable: true, status: 500, retryAfterMs: null, kind: "server_error" as const, message: "" };
      expect(computeRetryDelayMs(retry, failure, timing, () => 0)).toBe(ceiling / 2);
      expect(computeRetryDelayMs(retry, failure, timing, () => 0.999)).toBeLessThanOrEqual(ceiling);
    }
  });

  it("honours Retry-After, capped at the maximum", () => {
    const failure = (ms: number) => ({ retryable: true, status: 429, retryAfterMs: ms, kind: "rate_limited" as const, message: "" });
    expect(computeRetryDelayMs(0, failure(700), timing, () => 0)).toBe(700);
    expect(computeRetryDelayMs(0, failure(60_000), timing, () => 0)).toBe(2000);
  });
});
