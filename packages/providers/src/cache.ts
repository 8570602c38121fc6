// The content-hash response cache in PostgreSQL (LlmCache), shared by every stage and every worker:
// the same model asked the same thing in the same format is answered from here, so re-running a
// stage on unchanged inputs costs nothing. Only responses that passed validation are stored.
import { createHash } from "node:crypto";
import type { PrismaClient } from "@proda/db";
import type { z } from "zod";

/** Bump when prompts' meaning, parsing or post-processing change in a way old answers would not match. */
export const CACHE_VERSION = "1";

export interface TCacheKeyParts {
  model: string;
  baseUrl: string;
  system: string;
  user: string;
  schemaName: string;
  jsonSchema: unknown;
}

/** The host, not the full URL: "http://h/v1" and "http://h/v1/" are one endpoint; the key stays out of it. */
function endpointHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host.toLowerCase();
  } catch {
    return baseUrl;
  }
}

export function computeCacheKey(parts: TCacheKeyParts): string {
  const material = JSON.stringify([
    CACHE_VERSION,
    parts.model,
    endpointHost(parts.baseUrl),
    [
      { role: "system", content: parts.system },
      { role: "user", content: parts.user },
    ],
    parts.schemaName,
    parts.jsonSchema ?? null,
  ]);
  return createHash("sha256").update(material).digest("hex");
}

export interface TCachedResponse<T> {
  value: T;
  promptTokens: number;
  completionTokens: number;
}

export interface TLlmCache {
  read<T>(key: string, schema: z.ZodType<T>): Promise<TCachedResponse<T> | null>;
  write(key: string, entry: { model: string; value: unknown; promptTokens: number; completionTokens: number }): Promise<void>;
}

export function createLlmCache(prisma: PrismaClient): TLlmCache {
  return {
    async read(key, schema) {
      const row = await prisma.llmCache.findUnique({ where: { key } });
      if (!row) return null;
      // A stored answer that no longer fits the schema (changed without a CACHE_VERSION bump) is a miss.
      const parsed = schema.safeParse(row.response);
      if (!parsed.success) return null;
      return { value: parsed.data, promptTokens: row.promptTokens, completionTokens: row.completionTokens };
    },
    async write(key, entry) {
      // Two workers may answer the same prompt at once: the first write wins, the second is a no-op.
      await prisma.llmCache.createMany({
        data: [{ key, model: entry.model, response: entry.value as object, promptTokens: entry.promptTokens, completionTokens: entry.completionTokens }],
        skipDuplicates: true,
      });
    },
  };
}
