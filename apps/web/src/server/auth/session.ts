// Browser sessions: random cookie value, SHA-256 stored, absolute expiry, and rotation once a
// session is a day old so a stolen cookie has a short useful life.
import type { Role, Session, User } from "@proda/db";
import { getPrisma } from "@proda/db";
import { webEnv } from "../env.ts";
import { toUser, userAndRoleOf, type TCredentialUserRow } from "./credential-user.ts";
import { hashSecret, newSecret } from "./tokens.ts";

const ROTATE_AFTER_MS = 24 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

export interface IssuedSession {
  token: string;
  csrf: string;
  maxAgeSeconds: number;
}

export async function createSession(userId: string): Promise<IssuedSession> {
  const days = webEnv().PRODA_SESSION_DAYS;
  const token = newSecret();
  await getPrisma().session.create({
    data: { userId, tokenHash: hashSecret(token), expiresAt: new Date(Date.now() + days * 86_400_000) },
  });
  return { token, csrf: newSecret(16), maxAgeSeconds: Math.round(days * 86_400) };
}

export async function deleteSession(token: string): Promise<void> {
  await getPrisma().session.deleteMany({ where: { tokenHash: hashSecret(token) } });
}

export interface ActiveSession {
  session: Session;
  user: User;
  /** The user's role in the project the request names (null: not a member, or no project). */
  projectRole: Role | null;
  /** The session is old enough to be replaced (see rotateSession) once the request is done. */
  dueForRotation: boolean;
}

/** Replaces a session by a fresh one for the same user; the caller sends the new cookies. */
export async function rotateSession(session: Session): Promise<IssuedSession> {
  const rotated = await createSession(session.userId);
  await getPrisma().session.deleteMany({ where: { id: session.id } });
  return rotated;
}

interface TSessionRow extends TCredentialUserRow {
  sessionId: string;
  sessionUserId: string;
  tokenHash: string;
  sessionCreatedAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** The session's user and, for a project route, the user's role there, in one statement (see resolveApiToken). */
export async function resolveSession(token: string, projectId?: string): Promise<ActiveSession | null> {
  const prisma = getPrisma();
  const { columns, joins } = userAndRoleOf(projectId);
  const [row] = await prisma.$queryRaw<TSessionRow[]>`
    SELECT c.id AS "sessionId", c."userId" AS "sessionUserId", c."tokenHash", c."createdAt" AS "sessionCreatedAt", c."lastSeenAt", c."expiresAt", ${columns}
    FROM "Session" c ${joins}
    WHERE c."tokenHash" = ${hashSecret(token)}`;
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now) {
    await prisma.session.delete({ where: { id: row.sessionId } }).catch(() => {});
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.session.update({ where: { id: row.sessionId }, data: { lastSeenAt: new Date() } });
  }
  const session: Session = {
    id: row.sessionId, userId: row.sessionUserId, tokenHash: row.tokenHash, createdAt: row.sessionCreatedAt, lastSeenAt: row.lastSeenAt, expiresAt: row.expiresAt,
  };
  return { session, user: toUser(row), projectRole: row.projectRole, dueForRotation: now - row.sessionCreatedAt.getTime() > ROTATE_AFTER_MS };
}
