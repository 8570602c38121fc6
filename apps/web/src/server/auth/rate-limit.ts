// Failed sign-in attempts per email (and per client address behind a trusted proxy) in a sliding
// window, kept in PostgreSQL: every web process of a deployment sees the same count, a restart
// does not reset it, and sign-in keeps working when Redis is down.
import { createHash } from "node:crypto";
import type { PrismaClient } from "@proda/db";

const WINDOW_MS = 15 * 60 * 1000;

export type TLimit = [key: string, max: number];

const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

/**
 * The limits of one attempt. An address may fail more often than one account (several people can
 * share it). Route handlers do not see the peer address, and X-Forwarded-For is whatever the client
 * wrote unless a proxy we trust set it: only then is the address limited (its last entry is the one
 * that proxy appended).
 */
export function signInLimits(req: Request, email: string, max: number, trustProxy: boolean): TLimit[] {
  const limits: TLimit[] = [[`email:${email}`, max]];
  const forwarded = trustProxy ? req.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim() : undefined;
  if (forwarded) limits.push([`ip:${forwarded}`, max * 5]);
  return limits;
}

/** Seconds to wait when any key has reached its maximum of failures, else null. */
export async function signInWaitSeconds(prisma: PrismaClient, limits: TLimit[], now = new Date()): Promise<number | null> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const rows = await prisma.signInFailure.groupBy({
    by: ["key"],
    where: { key: { in: limits.map(([key]) => hashKey(key)) }, createdAt: { gt: since } },
    _count: { _all: true },
    _min: { createdAt: true },
  });
  for (const [key, max] of limits) {
    const row = rows.find((r) => r.key === hashKey(key));
    if (row && row._count._all >= max) return Math.ceil((WINDOW_MS - (now.getTime() - row._min.createdAt!.getTime())) / 1000);
  }
  return null;
}

/** Records one failure under every key and drops failures older than the window. */
export async function recordSignInFailure(prisma: PrismaClient, limits: TLimit[], now = new Date()): Promise<void> {
  await prisma.$transaction([
    prisma.signInFailure.createMany({ data: limits.map(([key]) => ({ key: hashKey(key), createdAt: now })) }),
    prisma.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - WINDOW_MS) } } }),
  ]);
}
