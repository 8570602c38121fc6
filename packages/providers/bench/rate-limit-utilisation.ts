// Benchmark: how much of a provider's request limit the LLM path uses, and tokens per chunk.
// N chunks go through `workers` provider instances (each its own Redis connection, as separate
// worker processes would have) against the fake OpenAI-compatible endpoint, which enforces the same
// limit itself. The "minute" is shortened to --window-ms so a run takes seconds, not hours.
//
//   DATABASE_URL=… REDIS_URL=… npx tsx packages/providers/bench/rate-limit-utilisation.ts \
//     [--chunks 360] [--rpm 120] [--window-ms 10000] [--workers 2] [--concurrency 16]
//
// Utilisation = window ÷ the mean time a request slot takes to come round again at the endpoint
// (arrival j+limit minus arrival j): the steady-state share of the limit, free of the run's start
// and end effects. 100% would be `limit` requests in every window, back to back.
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { disconnectPrisma, getPrisma } from "@proda/db";
import { Redis } from "ioredis";
import { createKnowledgeProvider, estimateRun, ZProviderSettings, type TExtractionOutcome, type TProviderStats } from "../src/index.ts";
import { startFakeOpenAiServer } from "../test/fake-openai-server.ts";
import { makeChunks } from "../test/fixtures.ts";

const { values: args } = parseArgs({
  options: {
    chunks: { type: "string", default: "360" },
    rpm: { type: "string", default: "120" },
    "window-ms": { type: "string", default: "10000" },
    workers: { type: "string", default: "2" },
    concurrency: { type: "string", default: "16" },
  },
});
const chunkCount = Number(args.chunks);
const rpm = Number(args.rpm);
const windowMs = Number(args["window-ms"]);
const workerCount = Number(args.workers);
const concurrency = Number(args.concurrency);

process.env.PRODA_QUEUE_PREFIX = `bench-${randomBytes(3).toString("hex")}`;
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const connections = Array.from({ length: workerCount }, () => new Redis(redisUrl, { maxRetriesPerRequest: null }));
const prisma = getPrisma();
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

const fake = await startFakeOpenAiServer({ rateLimit: { requests: rpm, windowMs } });
const settings = ZProviderSettings.parse({
  id: `bench-${randomBytes(4).toString("hex")}`, name: "bench", kind: "openai-compatible", baseUrl: fake.baseUrl,
  // A fresh model name: nothing may come from the cache of an earlier run.
  model: `bench-model-${randomBytes(4).toString("hex")}`, apiKey: "sk-bench", requestsPerMinute: rpm,
  inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6,
});
const chunks = makeChunks(chunkCount);

// Warm the HTTP connections with an unlimited provider (a running worker has warm ones), then let
// the endpoint's window empty before the measured run.
const warm = createKnowledgeProvider({ ...settings, id: `${settings.id}-warm`, requestsPerMinute: null, model: `${settings.model}-warm` }, { prisma, redis: connections[0]!, logger: quiet });
await Promise.all(makeChunks(Math.min(rpm, workerCount * concurrency)).map((c) => warm.extractChunk({ chunkId: c.id, text: c.text })));
await sleep(windowMs + 200);
const before = { at: fake.stats.acceptedAt.length, rateLimited: fake.stats.rateLimited };

const providers = connections.map((redis) => createKnowledgeProvider(settings, { prisma, redis, rateLimitWindowMs: windowMs, logger: quiet }));
const outcomes: TExtractionOutcome[] = [];
let next = 0;
const started = Date.now();
await Promise.all(
  providers.flatMap((provider) =>
    Array.from({ length: concurrency }, async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++]!;
        outcomes.push(await provider.extractChunk({ chunkId: chunk.id, text: chunk.text }));
      }
    }),
  ),
);
const elapsedMs = Date.now() - started;

const arrivals = fake.stats.acceptedAt.slice(before.at).sort((a, b) => a - b);
const periods = arrivals.slice(rpm).map((t, j) => t - arrivals[j]!);
const utilisation = periods.length > 0 ? windowMs / (periods.reduce((a, b) => a + b, 0) / periods.length) : Number.NaN;
const stats: TProviderStats[] = providers.map((p) => p.stats());
const sum = (key: keyof TProviderStats) => stats.reduce((n, s) => n + s[key], 0);
const estimate = estimateRun(chunks, settings);

const figures = {
  chunks: chunkCount,
  limit: `${rpm} requests per ${windowMs / 1000} s window`,
  workers: workerCount,
  concurrencyPerWorker: concurrency,
  elapsedS: Math.round(elapsedMs / 100) / 10,
  done: outcomes.filter((o) => o.status === "done").length,
  rejected: outcomes.filter((o) => o.status === "rejected").length,
  utilisationOfLimit: Math.round(utilisation * 1000) / 10,
  endpoint429s: fake.stats.rateLimited - before.rateLimited,
  retries: sum("retries"),
  promptTokensPerChunk: Math.round(sum("promptTokens") / chunkCount),
  completionTokensPerChunk: Math.round(sum("completionTokens") / chunkCount),
  estimatedPromptTokensPerChunk: Math.round(estimate.promptTokens / chunkCount),
  estimatedCompletionTokensPerChunk: Math.round(estimate.completionTokens / chunkCount),
  costUsd: Math.round(sum("costUsd") * 1e4) / 1e4,
  estimatedCostUsd: Math.round(estimate.costUsd * 1e4) / 1e4,
};
console.log(`LLM path against a rate-limited endpoint: ${figures.utilisationOfLimit}% of the limit used (${figures.limit}), ${figures.endpoint429s} endpoint 429s`);
console.log(`tokens per chunk: ${figures.promptTokensPerChunk} prompt + ${figures.completionTokensPerChunk} completion (estimate: ${figures.estimatedPromptTokensPerChunk} + ${figures.estimatedCompletionTokensPerChunk})`);
console.log(JSON.stringify(figures, null, 2));

await fake.close();
await Promise.all(connections.map((c) => c.quit()));
await disconnectPrisma();
