// Browser sessions: random cookie value, SHA-256 stored, absolute expiry, and rotation once a
// session is a day old so a stolen cookie has a short useful life.
import type { Session, User } from "@proda/db";
import { getPrisma } from "@proda/db";
import { webEnv } from "../env.ts";
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
  /** The session is old enough to be replaced (see rotateSession) once the request is done. */
  dueForRotation: boolean;
}

/** Replaces a session by a fresh one for the same user; the caller sends the new cookies. */
export async function rotateSession(session: Session): Promise<IssuedSession> {
  const rotated = await createSession(session.userId);
  await getPrisma().session.deleteMany({ where: { id: session.id } });
  return rotated;
}

export async function resolveSession(token: string): Promise<ActiveSession | null> {
  const prisma = getPrisma();
  const session = await prisma.session.findUnique({ where: { tokenHash: hashSecret(token) }, include: { user: true } });
  if (!session) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) {
    await prisma.session.delete({ where: { id: session.id } }).catch(() => {});
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
  }
  return { session, user: session.user, dueForRotation: now - session.createdAt.getTime() > ROTATE_AFTER_MS };
}
