// Creating and updating provider settings. The secret is encrypted here, on the way in, and only
// its last four characters are kept in clear for the masked display.
import { AppError } from "@proda/core";
import { encryptSecret, parseSecretKey } from "@proda/core/server";
import type { PrismaClient, ProviderConfig } from "@proda/db";
import { z } from "zod";
import { webEnv } from "../env.ts";

export const PROVIDER_KINDS = ["builtin", "openai-compatible"] as const;

const ZBaseUrl = z
  .string()
  .trim()
  .url()
  .max(500)
  .refine((u) => /^https?:\/\//i.test(u), "Only http(s) URLs");

export const ZProviderFields = z.object({
  name: z.string().trim().min(1).max(80).regex(/^[\w .-]+$/, "Letters, digits, spaces, dot, dash, underscore"),
  kind: z.enum(PROVIDER_KINDS),
  baseUrl: ZBaseUrl.nullish(),
  model: z.string().trim().max(200).nullish(),
  /** Write-only. Omitted: keep the stored one. Empty string: clear it. */
  secret: z.string().max(4000).optional(),
  isDefault: z.boolean().optional(),
  requestsPerMinute: z.number().int().min(1).max(1_000_000).nullish(),
  tokensPerMinute: z.number().int().min(1).max(1_000_000_000).nullish(),
  inputUsdPerMTok: z.number().min(0).max(10_000).nullish(),
  outputUsdPerMTok: z.number().min(0).max(10_000).nullish(),
  timeoutSeconds: z.number().int().min(1).max(3600).nullish(),
});
export type TProviderFields = z.infer<typeof ZProviderFields>;

function secretColumns(secret: string | undefined) {
  if (secret === undefined) return {};
  if (secret === "") return { secretEncrypted: null, secretLast4: null };
  return { secretEncrypted: encryptSecret(secret, parseSecretKey(webEnv().PRODA_SECRET_KEY)), secretLast4: secret.slice(-4) };
}

function assertComplete(p: { kind: string; baseUrl?: string | null; model?: string | null }) {
  if (p.kind === "openai-compatible" && (!p.baseUrl || !p.model)) {
    throw new AppError("validation_failed", "An OpenAI-compatible provider needs a base URL and a model");
  }
}

export async function saveProvider(
  prisma: PrismaClient,
  projectId: string,
  fields: Partial<TProviderFields>,
  existingId?: string,
): Promise<ProviderConfig> {
  const { secret, ...plain } = fields;
  return prisma.$transaction(async (tx) => {
    const existing = existingId ? await tx.providerConfig.findFirst({ where: { id: existingId, projectId } }) : null;
    if (existingId && !existing) throw new AppError("not_found", "Provider not found");
    assertComplete({ ...existing, ...plain, kind: plain.kind ?? existing?.kind ?? "" });
    if (plain.isDefault) await tx.providerConfig.updateMany({ where: { projectId }, data: { isDefault: false } });
    const data = { ...plain, ...secretColumns(secret) };
    if (existing) return tx.providerConfig.update({ where: { id: existing.id }, data });
    return tx.providerConfig.create({ data: { ...data, projectId, name: plain.name!, kind: plain.kind! } });
  });
}
