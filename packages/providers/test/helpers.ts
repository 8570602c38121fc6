// Shared set-up of the provider integration tests: real PostgreSQL (the LLM cache) and Redis (the
// rate limit), a random key prefix per file, and a model name per test so cache entries of other
// runs can never answer for this one.
import { randomBytes } from "node:crypto";
import type { Logger } from "@proda/core/server";
import { getPrisma } from "@proda/db";
import { Redis } from "ioredis";
import { createKnowledgeProvider, ZProviderSettings, type TKnowledgeProvider, type TProviderSettings, type TProviderSettingsInput } from "../src/index.ts";
import type { TOpenAiKnowledgeProvider } from "../src/index.ts";

export const unique = () => randomBytes(4).toString("hex");

export function connectRedis(): Redis {
  return new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
}

export function makeSettings(baseUrl: string, overrides: Partial<TProviderSettingsInput> = {}): TProviderSettings {
  return ZProviderSettings.parse({
    id: `prov-${unique()}`,
    name: "fake",
    kind: "openai-compatible",
    baseUrl,
    model: `fake-model-${unique()}`,
    apiKey: "sk-test-key",
    timeoutMs: 2000,
    maxRetries: 4,
    inputUsdPerMTok: 2,
    outputUsdPerMTok: 8,
    ...overrides,
  });
}

/** A logger that keeps its lines, so tests can read what would have been logged. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (level: string) => (fields: Record<string, unknown>, msg: string) => void lines.push(JSON.stringify({ level, msg, ...fields }));
  return { lines, debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

export function createTestProvider(settings: TProviderSettings, redis: Redis, extra: { logger?: Logger; windowMs?: number } = {}): TOpenAiKnowledgeProvider {
  return createKnowledgeProvider(settings, {
    prisma: getPrisma(),
    redis,
    rateLimitWindowMs: extra.windowMs,
    retryTiming: { baseDelayMs: 5, maxDelayMs: 200 },
    logger: extra.logger ?? createMemoryLogger(),
  }) as TOpenAiKnowledgeProvider;
}

export type { TKnowledgeProvider };
