// API tokens for scripts and the CLI: "proda_<secret>", sent as "Authorization: Bearer ...".
import type { User } from "@proda/db";
import { getPrisma } from "@proda/db";
import { hashSecret, newSecret } from "./tokens.ts";

export const API_TOKEN_PREFIX = "proda_";

export function newApiToken(): { secret: string; prefix: string; tokenHash: string } {
  const secret = `${API_TOKEN_PREFIX}${newSecret()}`;
  return { secret, prefix: secret.slice(0, API_TOKEN_PREFIX.length + 4), tokenHash: hashSecret(secret) };
}

export function bearerToken(req: Request): string | undefined {
  const header = req.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

export async function resolveApiToken(secret: string): Promise<User | null> {
  const prisma = getPrisma();
  const token = await prisma.apiToken.findUnique({ where: { tokenHash: hashSecret(secret) }, include: { user: true } });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt.getTime() <= Date.now())) return null;
  // Record use at most once a minute to keep reads cheap.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return token.user;
}
