// Fault injection: 429s, 500s, hangs past the timeout and malformed or schema-breaking answers.
// A run still completes (every chunk done or rejected with a reason), rejections are counted,
// retries stay within maxRetries, and an endpoint that never recovers gives a typed error.
import { disconnectPrisma } from "@proda/db";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { ProviderUnavailableError, type TExtractionOutcome, type TKnowledgeProvider } from "../src/index.ts";
import { createRandomFaults, startFakeOpenAiServer, type TFakeServer, type TFakeServerOptions } from "./fake-openai-server.ts";
import { INFLATION, makeChunks } from "./fixtures.ts";
import { connectRedis, createTestProvider, makeSettings, unique } from "./helpers.ts";

process.env.PRODA_QUEUE_PREFIX = `test-providers-${unique()}`;
const redis = connectRedis();
let server: TFakeServer | undefined;

async function startServer(options: TFakeServerOptions) {
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

/** Runs chunks with `concurrency` in flight; an unavailable endpoint fails the chunk's "job" once and it is retried, as the queue would. */
async function runChunks(provider: TKnowledgeProvider, chunks: { id: string; text: string }[], concurrency: number) {
  const outcomes: TExtractionOutcome[] = [];
  let queueRetries = 0;
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      const attempt = () => provider.extractChunk({ chunkId: chunk.id, text: chunk.text });
      outcomes.push(
        await attempt().catch((error) => {
          if (!(error instanceof ProviderUnavailableError)) throw error;
          queueRetries++;
          return attempt();
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { outcomes, queueRetries };
}

describe("fault injection", () => {
  it("completes a run with 30% faults: every chunk done or rejected with a reason, retries bounded", async () => {
    const fake = await startServer({
      faults: createRandomFaults(0.3, 42, ["rate_limit", "server_error", "hang", "malformed", "schema_invalid", "malformed_then_valid"]),
      retryAfterMs: 10,
    });
    const settings = makeSettings(fake.baseUrl, { timeoutMs: 250, maxRetries: 4 });
    const provider = createTestProvider(settings, redis);
    const chunks = makeChunks(40);
    const { outcomes, queueRetries } = await runChunks(provider, chunks, 8);

    expect(outcomes).toHaveLength(40);
    const rejected = outcomes.filter((o) => o.status === "rejected");
    const done = outcomes.filter((o) => o.status === "done");
    expect(done.length + rejected.length).toBe(40);
    for (const outcome of rejected) expect(outcome.reason).toMatch(/^(invalid_json|empty_response|schema: .+)$/);
    // One logical call = the first turn and at most one repair turn, each at most 1 + maxRetries requests.
    for (const outcome of outcomes) expect(outcome.usage.attempts).toBeLessThanOrEqual(2 * (settings.maxRetries + 1));
    const stats = provider.stats();
    expect(stats.rejectedCalls).toBe(rejected.length);
    expect(stats.retries).toBeGreaterThan(0);
    expect(stats.repairTurns).toBeGreaterThan(0);
    expect(stats.httpRequests).toBe(fake.stats.requests);
    expect(fake.stats.byFault.hang ?? 0).toBeGreaterThan(0);
    expect(queueRetries).toBeLessThanOrEqual(1);
    // Most chunks survive 30% faults: a fault costs a retry or a repair turn, rarely the chunk.
    expect(done.length).toBeGreaterThanOrEqual(30);
  });

  it("gives up after maxRetries with ProviderUnavailableError when the endpoint keeps failing", async () => {
    const fake = await startServer({ faults: () => "server_error" });
    const provider = createTestProvider(makeSettings(fake.baseUrl, { maxRetries: 2 }), redis);
    const error = await provider.extractChunk({ chunkId: "c1", text: INFLATION }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as ProviderUnavailableError).details).toMatchObject({ attempts: 3, lastStatus: 500 });
    expect((error as ProviderUnavailableError).status).toBe(503);
    expect(fake.stats.requests).toBe(3);
  });

  it("retries a request that hangs past the timeout", async () => {
    const fake = await startServer({ faults: ["hang", "hang"] });
    const provider = createTestProvider(makeSettings(fake.baseUrl, { timeoutMs: 200, maxRetries: 3 }), redis);
    const started = Date.now();
    const outcome = await provider.extractChunk({ chunkId: "c1", text: INFLATION });
    expect(outcome.status).toBe("done");
    expect(outcome.usage.attempts).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it("waits as long as a 429's Retry-After asks (within the cap of one wait, 200 ms in these tests)", async () => {
    const fake = await startServer({ faults: ["rate_limit"], retryAfterMs: 150 });
    const provider = createTestProvider(makeSettings(fake.baseUrl), redis);
    const started = Date.now();
    const outcome = await provider.extractChunk({ chunkId: "c1", text: INFLATION });
    expect(outcome.status).toBe("done");
    expect(outcome.usage.attempts).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });
});
