// POST /api/v1/auth/sign-in — checks email + password, starts a session (cookies), returns the user.
import { AppError } from "@proda/core";
import { getPrisma } from "@proda/db";
import { z } from "zod";
import { sessionCookies, readCookie, SESSION_COOKIE } from "@/server/auth/cookies";
import { verifyPassword } from "@/server/auth/password";
import { recordSignInFailure, signInLimits, signInWaitSeconds } from "@/server/auth/rate-limit";
import { createSession, deleteSession } from "@/server/auth/session";
import { audit } from "@proda/pipeline";
import { webEnv } from "@/server/env";
import { toUserDto } from "@/server/dto";
import { json } from "@/server/http";
import { route } from "@/server/route";

const ZSignIn = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(1000) });

export const POST = route("POST /auth/sign-in", { input: ZSignIn }, async ({ req, input }) => {
  const env = webEnv();
  const limits = signInLimits(req, input.email, env.PRODA_SIGNIN_MAX_ATTEMPTS, env.PRODA_TRUST_PROXY === "true");
  const wait = await signInWaitSeconds(getPrisma(), limits);
  if (wait !== null) throw new AppError("rate_limited", `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} min.`);

  const user = await getPrisma().user.findUnique({ where: { email: input.email } });
  if (!(await verifyPassword(input.password, user?.passwordHash)) || !user) {
    await recordSignInFailure(getPrisma(), limits);
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
