// POST /api/v1/auth/sign-in — checks email + password, starts a session (cookies), returns the user.
import { AppError } from "@proda/core";
import { getPrisma } from "@proda/db";
import { z } from "zod";
import { sessionCookies, readCookie, SESSION_COOKIE } from "@/server/auth/cookies";
import { verifyPassword } from "@/server/auth/password";
import { recordSignInFailure, signInWaitSeconds, type TLimit } from "@/server/auth/rate-limit";
import { createSession, deleteSession } from "@/server/auth/session";
import { audit } from "@/server/audit";
import { webEnv } from "@/server/env";
import { toUserDto } from "@/server/dto";
import { json } from "@/server/http";
import { route } from "@/server/route";

const ZSignIn = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(1000) });

export const POST = route("POST /auth/sign-in", { input: ZSignIn }, async ({ req, input }) => {
  const client = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
  const max = webEnv().PRODA_SIGNIN_MAX_ATTEMPTS;
  // An address may fail more often than one account: several people can share it.
  const limits: TLimit[] = [[`email:${input.email}`, max], [`ip:${client}`, max * 5]];
  const wait = signInWaitSeconds(limits);
  if (wait !== null) throw new AppError("rate_limited", `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} min.`);

  const user = await getPrisma().user.findUnique({ where: { email: input.email } });
  if (!(await verifyPassword(input.password, user?.passwordHash)) || !user) {
    recordSignInFailure(limits);
    throw new AppError("unauthenticated", "Wrong email or password");
  }
  // A fresh session on every sign-in (no session fixation): drop the one this browser had.
  const previous = readCookie(req, SESSION_COOKIE);
  if (previous) await deleteSession(previous);
  const session = await createSession(user.id);
  await audit({ actorId: user.id, action: "auth.sign_in", targetType: "user", targetId: user.id });
  const headers = new Headers();
  for (const c of sessionCookies(session.token, session.csrf, session.maxAgeSeconds)) headers.append("set-cookie", c);
  return json({ user: toUserDto(user) }, 200, headers);
});
