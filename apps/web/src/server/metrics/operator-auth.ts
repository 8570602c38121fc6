// Who may see server-wide operations data (GET /api/v1/metrics, /admin/queues): the owner of at
// least one project (session cookie or API token), or — for /metrics only — a scraper presenting
// PRODA_METRICS_TOKEN. Queue depths and job counts span every project, hence owners only; there is
// no per-project filtering of these figures.
import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "@proda/core";
import { getPrisma, type User } from "@proda/db";
import { bearerToken, resolveApiToken } from "../auth/api-token.ts";
import { readCookie, SESSION_COOKIE } from "../auth/cookies.ts";
import { resolveSession } from "../auth/session.ts";

export type TOperator = { via: "metrics-token" } | { via: "session" | "token"; user: User };

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Constant-time comparison (of digests, so lengths need not match). */
export function tokenMatches(given: string, expected: string | undefined): boolean {
  return !!expected && timingSafeEqual(digest(given), digest(expected));
}

export async function authoriseOperator(req: Request, options: { allowMetricsToken: boolean }): Promise<TOperator> {
  const bearer = bearerToken(req);
  if (bearer && options.allowMetricsToken && tokenMatches(bearer, process.env.PRODA_METRICS_TOKEN)) return { via: "metrics-token" };
  let user: User | null = null;
  let via: "session" | "token" = "token";
  if (bearer) {
    user = (await resolveApiToken(bearer))?.user ?? null;
  } else {
    const cookie = readCookie(req, SESSION_COOKIE);
    user = cookie ? ((await resolveSession(cookie))?.user ?? null) : null;
    via = "session";
  }
  if (!user) throw new AppError("unauthenticated", "Sign in (or send the metrics token) to continue");
  const owns = await getPrisma().membership.findFirst({ where: { userId: user.id, role: "owner" }, select: { projectId: true } });
  if (!owns) throw new AppError("forbidden", "Only owners of a project may see server operations data");
  return { via, user };
}
