// From a project's stored provider settings to a working provider. The key is decrypted here, kept
// only in the settings object, and hidden from JSON.stringify and console output of that object.
import { AppError } from "@proda/core";
import { decryptSecret, parseSecretKey, type Logger } from "@proda/core/server";
import type { PrismaClient, ProviderConfig } from "@proda/db";
import type { Redis } from "ioredis";
import { createBuiltinKnowledgeProvider } from "./builtin.ts";
import { createLlmCache } from "./cache.ts";
import { createOpenAiKnowledgeProvider } from "./openai-compatible/knowledge-provider.ts";
import type { TRetryTiming } from "./openai-compatible/retry-policy.ts";
import { createRateLimiter } from "./rate-limit.ts";
import { protectSettings } from "./secrets.ts";
import { PROVIDER_KINDS, ZProviderSettings, type TKnowledgeProvider, type TProviderKind, type TProviderSettings } from "./types.ts";

export interface TProviderDeps {
  prisma: PrismaClient;
  redis: Redis;
  /** Shortens the rate-limit "minute" (tests, benchmarks). */
  rateLimitWindowMs?: number;
  retryTiming?: Partial<TRetryTiming>;
  logger?: Logger;
  signal?: AbortSignal;
}

export function createKnowledgeProvider(settings: TProviderSettings, deps: TProviderDeps): TKnowledgeProvider {
  if (settings.kind === "builtin") return createBuiltinKnowledgeProvider();
  return createOpenAiKnowledgeProvider(settings, {
    cache: createLlmCache(deps.prisma),
    limiter: createRateLimiter(deps.redis, {
      providerId: settings.id,
      requestsPerMinute: settings.requestsPerMinute,
      tokensPerMinute: settings.tokensPerMinute,
      windowMs: deps.rateLimitWindowMs,
      signal: deps.signal,
    }),
    retryTiming: deps.retryTiming,
    logger: deps.logger,
    signal: deps.signal,
  });
}

function readSecret(row: ProviderConfig): string | null {
  if (!row.secretEncrypted) return null;
  try {
    return decryptSecret(row.secretEncrypted, parseSecretKey(process.env.PRODA_SECRET_KEY));
  } catch (error) {
    // The cause says what is wrong with the key configuration; it never contains the secret.
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("service_unavailable", `The key of provider "${row.name}" cannot be decrypted (${reason}); check PRODA_SECRET_KEY or save the key again.`);
  }
}

export function toProviderSettings(row: ProviderConfig, apiKey: string | null): TProviderSettings {
  if (!(PROVIDER_KINDS as readonly string[]).includes(row.kind)) {
    throw new AppError("validation_failed", `Provider "${row.name}" has an unknown kind "${row.kind}"`);
  }
  // The key is added after parsing so that a validation error can never carry it.
  const settings = ZProviderSettings.parse({
    id: row.id,
    name: row.name,
    kind: row.kind as TProviderKind,
    baseUrl: row.baseUrl,
    model: row.model,
    requestsPerMinute: row.requestsPerMinute,
    tokensPerMinute: row.tokensPerMinute,
    inputUsdPerMTok: row.inputUsdPerMTok,
    outputUsdPerMTok: row.outputUsdPerMTok,
    // Null keeps the schema's default (60 s).
    timeoutMs: row.timeoutSeconds ? row.timeoutSeconds * 1000 : undefined,
  });
  return protectSettings({ ...settings, apiKey });
}

/** The project's provider by id, or its default one (the oldest provider when none is marked default). */
export async function loadProviderSettings(prisma: PrismaClient, projectId: string, providerId?: string): Promise<TProviderSettings> {
  const row = providerId
    ? await prisma.providerConfig.findFirst({ where: { id: providerId, projectId } })
    : await prisma.providerConfig.findFirst({ where: { projectId }, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }] });
  if (!row) throw new AppError("not_found", providerId ? "Provider not found" : "The project has no provider");
  if (row.kind === "openai-compatible" && (!row.baseUrl || !row.model)) {
    throw new AppError("validation_failed", `Provider "${row.name}" needs a base URL and a model`);
  }
  return toProviderSettings(row, row.kind === "builtin" ? null : readSecret(row));
}
