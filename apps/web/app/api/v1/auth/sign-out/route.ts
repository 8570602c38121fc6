// POST /api/v1/auth/sign-out — ends this browser's session and clears its cookies.
import { clearedSessionCookies, readCookie, SESSION_COOKIE } from "@/server/auth/cookies";
import { deleteSession } from "@/server/auth/session";
import { route } from "@/server/route";

export const POST = route("POST /auth/sign-out", {}, async ({ req }) => {
  const token = readCookie(req, SESSION_COOKIE);
  if (token) await deleteSession(token);
  const response = new Response(null, { status: 204 });
  for (const c of clearedSessionCookies()) response.headers.append("set-cookie", c);
  return response;
});
