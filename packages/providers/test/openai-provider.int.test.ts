// The OpenAI-compatible provider against the local fake endpoint, with the real PostgreSQL cache and
// Redis limiter: usage and cost, the repair turn, rejections, the json_object fallback, offsets
// fixed from quote text, and a second identical run served entirely from the cache.
import { extractKnowledgeBuiltin } from "@proda/engine";
import { disconnectPrisma } from "@proda/db";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAiServer, type TFakeServer, type TFakeServerOptions } from "./fake-openai-server.ts";
import { INFLATION, makeChunks, PHOTOSYNTHESIS } from "./fixtures.ts";
import { connectRedis, createTestProvider, makeSettings, unique } from "./helpers.ts";

process.env.PRODA_QUEUE_PREFIX = `test-providers-${unique()}`;
const redis = connectRedis();
let server: TFakeServer | undefined;

async function startServer(options: TFakeServerOptions = {}) {
  server = await startFakeOpenAiServer(options);
  return server;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

afterAll(async () => {
  await redis.quit();
  await disconnectPrisma();
});

beforeAll(async () => {
  await redis.ping();
});

describe("openai-compatible provider", () => {
  it("extracts a chunk, with usage, cost and the verifier's result", async () => {
    const fake = await startServer();
    const settings = makeSettings(fake.baseUrl);
    const provider = createTestProvider(settings, redis);
    expect(provider.label).toBe(settings.model);

    const outcome = await provider.extractChunk({ chunkId: "c1", text: PHOTOSYNTHESIS, discipline: "biology" });
    expect(outcome.status).toBe("done");
    if (outcome.status !== "done") return;
    expect(outcome.result).toEqual(extractKnowledgeBuiltin(PHOTOSYNTHESIS));
    expect(outcome.rejectedItems).toBe(0);
    const { usage } = outcome;
    expect(usage.cached).toBe(false);
    expect(usage.attempts).toBe(1);
    expect(usage.promptTokens).toBeGreaterThan(500);
    expect(usage.completionTokens).toBeGreaterThan(100);
    expect(usage.costUsd).toBeCloseTo((usage.promptTokens * 2 + usage.completionTokens * 8) / 1e6, 6);
    expect(fake.stats.formats.json_schema).toBe(1);
    expect([...fake.stats.authorizations]).toEqual(["Bearer sk-test-key"]);
  });

  it("repairs a malformed answer with one more turn", async () => {
    const fake = await startServer({ faults: ["malformed_then_valid"] });
    const provider = createTestProvider(makeSettings(fake.baseUrl), redis);
    const outcome = await provider.extractChunk({ chunkId: "c1", text: INFLATION });
    expect(outcome.status).toBe("done");
    expect(outcome.usage.attempts).toBe(2);
    expect(fake.stats.requests).toBe(2);
    expect(provider.stats()).toMatchObject({ repairTurns: 1, rejectedCalls: 0 });
  });

  it("rejects a chunk whose repaired answer is still invalid, with the reason, and counts it", async () => {
    const fake = await startServer({ faults: ["repair_fails", "ok", "schema_invalid", "schema_invalid"] });
    const provider = createTestProvider(makeSettings(fake.baseUrl), redis);
    const first = await provider.extractChunk({ chunkId: "c1", text: INFLATION });
    expect(first).toMatchObject({ status: "rejected", reason: "invalid_json" });
    const second = await provider.extractChunk({ chunkId: "c2", text: PHOTOSYNTHESIS });
    expect(second.status).toBe("rejected");
    if (second.status === "rejected") expect(second.reason).toMatch(/^schema: chains\[0\]\.(title|steps)/);
    expect(second.usage.attempts).toBe(2);
    expect(provider.stats()).toMatchObject({ calls: 2, rejectedCalls: 2, repairTurns: 2 });
  });

  it("rejects a chunk too long for the model instead of failing the batch", async () => {
    const fake = await startServer({ faults: ["context_length"] });
    const provider = createTestProvider(makeSettings(fake.baseUrl), redis);
    const outcome = await provider.extractChunk({ chunkId: "c1", text: INFLATION });
    expect(outcome).toMatchObject({ status: "rejected", reason: "context_length_exceeded", usage: { attempts: 1, costUsd: 0 } });
    expect((await provider.extractChunk({ chunkId: "c2", text: PHOTOSYNTHESIS })).status).toBe("done");
    expect(provider.stats()).toMatchObject({ calls: 2, rejectedCalls: 1 });
  });

  it("falls back to json_object once when the endpoint refuses json_schema, and remembers it", async () => {
    const fake = await startServer({ rejectJsonSchema: true });
    const provider = createTestProvider(makeSettings(fake.baseUrl), redis);
    const [a, b] = makeChunks(2);
    expect((await provider.extractChunk({ chunkId: a!.id, text: a!.text })).status).toBe("done");
    expect((await provider.extractChunk({ chunkId: b!.id, text: b!.text })).status).toBe("done");
    expect(fake.stats.formats).toEqual({ json_schema: 1, json_object: 2, none: 0 });
  });

  it("re-derives quote offsets from the quote text when the model's offsets are off", async () => {
    const fake = await startServer({ faults: ["shifted_offsets"] });
    const provider = createTestProvider(makeSettings(fake.baseUrl), redis);
    const outcome = await provider.extractChunk({ chunkId: "c1", text: PHOTOSYNTHESIS });
    expect(outcome.status).toBe("done");
    if (outcome.status === "done") {
      expect(outcome.rejectedItems).toBe(0);
      expect(outcome.result).toEqual(extractKnowledgeBuiltin(PHOTOSYNTHESIS));
    }
  });

  it("serves a second identical run 100% from the cache: no request, no cost", async () => {
    const fake = await startServer();
    const settings = makeSettings(fake.baseUrl);
    const chunks = makeChunks(6);
    const run = async () => {
      // A fresh instance, as a re-run in another worker would have.
      const provider = createTestProvider(settings, redis);
      const outcomes = await Promise.all(chunks.map((c) => provider.extractChunk({ chunkId: c.id, text: c.text })));
      return { outcomes, stats: provider.stats() };
    };
    const first = await run();
    expect(first.outcomes.every((o) => o.status === "done" && !o.usage.cached)).toBe(true);
    expect(fake.stats.requests).toBe(6);

    const second = await run();
    expect(fake.stats.requests).toBe(6);
    expect(second.stats).toMatchObject({ calls: 6, cachedCalls: 6, httpRequests: 0, costUsd: 0 });
    for (const [i, outcome] of second.outcomes.entries()) {
      expect(outcome.usage).toMatchObject({ cached: true, costUsd: 0, attempts: 0 });
      expect(outcome.status === "done" && outcome.result).toEqual(first.outcomes[i]!.status === "done" && first.outcomes[i]!.result);
      expect(outcome.usage.promptTokens).toBe(first.outcomes[i]!.usage.promptTokens);
    }
  });

  it("does not cache a rejected answer: the next run asks again", async () => {
    const fake = await startServer({ faults: ["repair_fails"] });
    const settings = makeSettings(fake.baseUrl);
    expect((await createTestProvider(settings, redis).extractChunk({ chunkId: "c1", text: INFLATION })).status).toBe("rejected");
    expect((await createTestProvider(settings, redis).extractChunk({ chunkId: "c1", text: INFLATION })).status).toBe("done");
    expect(fake.stats.requests).toBe(3);
  });
});
