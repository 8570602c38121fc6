// The shared rate limit on real Redis: two limiter instances on two connections (two workers) never
// admit more than the limit within any window, token budgets are enforced and corrected after the
// call, and a provider running against an endpoint with the same limit is (almost) never refused.
import { disconnectPrisma } from "@proda/db";
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createRateLimiter, type TKnowledgeProvider } from "../src/index.ts";
import { startFakeOpenAiServer } from "./fake-openai-server.ts";
import { makeChunks } from "./fixtures.ts";
import { connectRedis, createTestProvider, makeSettings, unique } from "./helpers.ts";

process.env.PRODA_QUEUE_PREFIX = `test-providers-${unique()}`;
const connections: Redis[] = [connectRedis(), connectRedis()];

afterAll(async () => {
  await Promise.all(connections.map((c) => c.quit()));
  await disconnectPrisma();
});

/** The most admissions found in any window of `windowMs` (times sorted ascending). */
function maxInAnyWindow(times: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= windowMs) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

describe("shared rate limit", () => {
  it("never lets more than the limit through in any window, across two instances", async () => {
    const providerId = `p-${unique()}`;
    const [a, b] = connections.map((redis) => createRateLimiter(redis, { providerId, requestsPerMinute: 20, tokensPerMinute: null, windowMs: 1000 }));
    const started = Date.now();
    const tickets = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a! : b!).acquire({ requests: 1, tokens: 10 })));
    const elapsed = Date.now() - started;
    const times = tickets.map((t) => t.admittedAt).sort((x, y) => x - y);
    expect(maxInAnyWindow(times, 1000)).toBe(20);
    // 60 requests at 20 per second: three windows, so just over 2 s — it waits, it does not fail.
    expect(elapsed).toBeGreaterThanOrEqual(1900);
    expect(elapsed).toBeLessThan(4000);
  });

  it("enforces the token budget and corrects it with the actual usage", async () => {
    const providerId = `p-${unique()}`;
    const limiter = createRateLimiter(connections[0]!, { providerId, requestsPerMinute: null, tokensPerMinute: 100, windowMs: 800 });
    const tickets = await Promise.all(Array.from({ length: 7 }, () => limiter.acquire({ tokens: 30 })));
    const times = tickets.map((t) => t.admittedAt).sort((x, y) => x - y);
    // 30 tokens each, 100 per window: at most 3 per window.
    expect(maxInAnyWindow(times, 800)).toBe(3);

    const other = createRateLimiter(connections[1]!, { providerId: `p-${unique()}`, requestsPerMinute: null, tokensPerMinute: 100, windowMs: 5000 });
    const big = await other.acquire({ tokens: 90 });
    await other.settle(big, 10);
    // With 90 reserved this would wait 5 s; corrected to 10 it fits at once.
    const next = await other.acquire({ tokens: 80 });
    expect(next.waitedMs).toBeLessThan(100);
  });

  it("lets a single request bigger than the whole token budget through alone", async () => {
    const limiter = createRateLimiter(connections[0]!, { providerId: `p-${unique()}`, requestsPerMinute: null, tokensPerMinute: 50, windowMs: 300 });
    const first = await limiter.acquire({ tokens: 500 });
    const second = await limiter.acquire({ tokens: 10 });
    expect(second.admittedAt - first.admittedAt).toBeGreaterThanOrEqual(300);
  });

  it("keeps two providers against an endpoint with the same limit (almost) free of 429s", async () => {
    const fake = await startFakeOpenAiServer({ rateLimit: { requests: 20, windowMs: 1000 }, retryAfterMs: 50 });
    try {
      // Warm connections first, as a long-running worker has them: in one test process a cold
      // connection reaches the endpoint tens of ms after its admission, a warm one at once, and at a
      // window's edge that difference alone would cost 429s. Then let the endpoint's window empty.
      const warm = createTestProvider(makeSettings(fake.baseUrl), connections[0]!);
      await Promise.all(makeChunks(20).map((c) => warm.extractChunk({ chunkId: c.id, text: c.text })));
      await sleep(1100);
      const before = { accepted: fake.stats.accepted, rateLimited: fake.stats.rateLimited };

      const settings = makeSettings(fake.baseUrl, { requestsPerMinute: 20 });
      const providers: TKnowledgeProvider[] = connections.map((redis) => createTestProvider(settings, redis, { windowMs: 1000 }));
      const chunks = makeChunks(50);
      const started = Date.now();
      const outcomes = await Promise.all(chunks.map((c, i) => providers[i % 2]!.extractChunk({ chunkId: c.id, text: c.text })));
      const elapsed = Date.now() - started;
      expect(outcomes.every((o) => o.status === "done")).toBe(true);
      expect(fake.stats.accepted - before.accepted).toBe(50);
      // Paced by our limiter (three windows: 20 + 20 + 10), not by the endpoint's refusals. On a busy
      // machine a request can still reach the endpoint late enough to meet the edge of its window:
      // such a 429 is retried, and stays rare.
      expect(elapsed).toBeGreaterThanOrEqual(2000);
      expect(elapsed).toBeLessThan(5000);
      expect(fake.stats.rateLimited - before.rateLimited).toBeLessThanOrEqual(5);
    } finally {
      await fake.close();
    }
  });
});
