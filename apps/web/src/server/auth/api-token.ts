// API tokens for scripts and the CLI: "proda_<secret>", sent as "Authorization: Bearer ...".
import type { Role, User } from "@proda/db";
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

interface TTokenRow {
  tokenId: string;
  revokedAt: Date | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: Date;
  projectRole: Role | null;
}

export interface TTokenAuth {
  user: User;
  /** The user's role in `projectId` when one was given (null: not a member). */
  projectRole: Role | null;
}

/**
 * The token's user and, for a project route, the user's role there — one statement, so a request
 * costs one round trip for authentication and authorisation together (the graph explorer's 1-hop
 * budget is 5 ms for the whole request).
 */
export async function resolveApiToken(secret: string, projectId?: string): Promise<TTokenAuth | null> {
  const prisma = getPrisma();
  const [row] = await prisma.$queryRaw<TTokenRow[]>`
    SELECT t.id AS "tokenId", t."revokedAt", t."expiresAt", t."lastUsedAt",
           u.id, u.email, u.name, u."passwordHash", u."createdAt", m.role::text AS "projectRole"
    FROM "ApiToken" t
    JOIN "User" u ON u.id = t."userId"
    LEFT JOIN "Membership" m ON m."userId" = t."userId" AND m."projectId" = ${projectId ?? ""}
    WHERE t."tokenHash" = ${hashSecret(secret)}`;
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return null;
  // Record use at most once a minute to keep reads cheap.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: row.tokenId }, data: { lastUsedAt: new Date() } });
  }
  const user: User = { id: row.id, email: row.email, name: row.name, passwordHash: row.passwordHash, createdAt: row.createdAt };
  return { user, projectRole: row.projectRole };
}
