// API tokens for scripts and the CLI: "proda_<secret>", sent as "Authorization: Bearer ...".
import type { Role, User } from "@proda/db";
import { getPrisma } from "@proda/db";
import { toUser, userAndRoleOf, type TCredentialUserRow } from "./credential-user.ts";
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

interface TTokenRow extends TCredentialUserRow {
  tokenId: string;
  revokedAt: Date | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
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
  const { columns, joins } = userAndRoleOf(projectId);
  const [row] = await prisma.$queryRaw<TTokenRow[]>`
    SELECT c.id AS "tokenId", c."revokedAt", c."expiresAt", c."lastUsedAt", ${columns}
    FROM "ApiToken" c ${joins}
    WHERE c."tokenHash" = ${hashSecret(secret)}`;
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return null;
  // Record use at most once a minute to keep reads cheap.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: row.tokenId }, data: { lastUsedAt: new Date() } });
  }
  return { user: toUser(row), projectRole: row.projectRole };
}
