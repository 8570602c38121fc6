// Loading a project's provider from PostgreSQL (default or by id, key decrypted) and keeping the key
// secret: a planted key must not show up in thrown errors, logs, or the settings' JSON/inspect output,
// even when the endpoint echoes it back.
import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { AppError } from "@proda/core";
import { encryptSecret, parseSecretKey } from "@proda/core/server";
import { disconnectPrisma, getPrisma } from "@proda/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProjectWithRoles } from "../../../prisma/factories/projects.ts";
import { BUILTIN_LABEL, createKnowledgeProvider, loadProviderSettings, ProviderRequestError, ProviderUnavailableError } from "../src/index.ts";
import { startFakeOpenAiServer } from "./fake-openai-server.ts";
import { INFLATION } from "./fixtures.ts";
import { connectRedis, createMemoryLogger, createTestProvider, makeSettings, unique } from "./helpers.ts";

process.env.PRODA_QUEUE_PREFIX = `test-providers-${unique()}`;
process.env.PRODA_SECRET_KEY = randomBytes(32).toString("hex");
const PLANTED = `sk-proda-PLANTED-${randomBytes(8).toString("hex")}`;
const prisma = getPrisma();
const redis = connectRedis();
let projectId: string;

beforeAll(async () => {
  ({ project: { id: projectId } } = await createProjectWithRoles(prisma, ["owner"]));
});

afterAll(async () => {
  await redis.quit();
  await disconnectPrisma();
});

/** Everything a caller could print or store of an error. */
function exposeError(error: unknown): string {
  const e = error as Error & { details?: unknown; cause?: unknown };
  return [e.message, e.stack, JSON.stringify(e), JSON.stringify(e.details), inspect(e, { depth: 5 }), String(e.cause ?? "")].join("\n");
}

function expectNoSecret(text: string) {
  expect(text).not.toContain(PLANTED);
  expect(text).not.toContain(PLANTED.slice(0, 12));
}

describe("provider settings", () => {
  it("gives a new project the builtin provider, labelled as such, with zero usage", async () => {
    const settings = await loadProviderSettings(prisma, projectId);
    expect(settings.kind).toBe("builtin");
    const provider = createKnowledgeProvider(settings, { prisma, redis });
    expect(provider.label).toBe(BUILTIN_LABEL);
    const outcome = await provider.extractChunk({ chunkId: "c1", text: INFLATION });
    expect(outcome.status).toBe("done");
    expect(outcome.usage).toEqual({ promptTokens: 0, completionTokens: 0, costUsd: 0, cached: false, attempts: 1 });
    if (outcome.status === "done") expect(outcome.result.chains.length).toBeGreaterThan(0);
  });

  it("loads the default provider with its key decrypted, and hides the key from JSON and inspect", async () => {
    await prisma.providerConfig.updateMany({ where: { projectId }, data: { isDefault: false } });
    const row = await prisma.providerConfig.create({
      data: {
        projectId, name: `gpt-${unique()}`, kind: "openai-compatible", baseUrl: "http://127.0.0.1:9/v1", model: "gpt-test", isDefault: true,
        secretEncrypted: encryptSecret(PLANTED, parseSecretKey(process.env.PRODA_SECRET_KEY)), secretLast4: PLANTED.slice(-4),
        requestsPerMinute: 500, tokensPerMinute: 200_000, inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6, timeoutSeconds: 300,
      },
    });
    const settings = await loadProviderSettings(prisma, projectId);
    expect(settings).toMatchObject({ id: row.id, kind: "openai-compatible", model: "gpt-test", apiKey: PLANTED, requestsPerMinute: 500, timeoutMs: 300_000, maxRetries: 4 });
    expectNoSecret(JSON.stringify(settings));
    expectNoSecret(inspect(settings));
    expect(JSON.parse(JSON.stringify(settings)).apiKey).toBe("[redacted]");
    expect((await loadProviderSettings(prisma, projectId, row.id)).id).toBe(row.id);
  });

  it("refuses a provider of another project, and explains an undecryptable key without showing it", async () => {
    const other = await createProjectWithRoles(prisma, ["owner"]);
    const row = await prisma.providerConfig.findFirstOrThrow({ where: { projectId, kind: "openai-compatible" } });
    await expect(loadProviderSettings(prisma, other.project.id, row.id)).rejects.toMatchObject({ code: "not_found" });

    const rightKey = process.env.PRODA_SECRET_KEY;
    process.env.PRODA_SECRET_KEY = randomBytes(32).toString("hex");
    try {
      const error = await loadProviderSettings(prisma, projectId, row.id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toMatch(/cannot be decrypted/);
      expectNoSecret(exposeError(error));
    } finally {
      process.env.PRODA_SECRET_KEY = rightKey;
    }
  });

  it("keeps the key out of the error when the endpoint echoes it in a 401", async () => {
    const fake = await startFakeOpenAiServer({ requireApiKey: "sk-the-right-one" });
    try {
      const logger = createMemoryLogger();
      const provider = createTestProvider(makeSettings(fake.baseUrl, { apiKey: PLANTED }), redis, { logger });
      const error = await provider.extractChunk({ chunkId: "c1", text: INFLATION }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderRequestError);
      expect((error as ProviderRequestError).message).toContain("HTTP 401");
      expect((error as ProviderRequestError).message).toContain("[redacted]");
      expectNoSecret(exposeError(error));
      expectNoSecret(logger.lines.join("\n"));
      expect(fake.stats.requests).toBe(1); // a 401 is not retried
      // The provider object (which holds a client with the key) prints without it too.
      expectNoSecret(JSON.stringify(provider));
      expectNoSecret(inspect(provider, { depth: 10 }));
      expectNoSecret(inspect(provider.context, { depth: 10 }));
    } finally {
      await fake.close();
    }
  });

  it("keeps the key out of errors and logs when a failing endpoint echoes the Authorization header", async () => {
    const fake = await startFakeOpenAiServer({ faults: () => "server_error", echoAuthorization: true });
    try {
      const logger = createMemoryLogger();
      const provider = createTestProvider(makeSettings(fake.baseUrl, { apiKey: PLANTED, maxRetries: 2 }), redis, { logger });
      const error = await provider.extractChunk({ chunkId: "c1", text: INFLATION }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderUnavailableError);
      expect([...fake.stats.authorizations]).toEqual([`Bearer ${PLANTED}`]);
      expectNoSecret(exposeError(error));
      expect(logger.lines.length).toBe(2); // one warning per retry
      expectNoSecret(logger.lines.join("\n"));
    } finally {
      await fake.close();
    }
  });
});
