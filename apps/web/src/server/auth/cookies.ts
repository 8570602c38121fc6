// Cookie names and attributes. The session cookie is http-only; the CSRF cookie is readable by our
// own scripts, which echo it in the x-csrf-token header (double submit).
import { webEnv } from "../env.ts";

export const SESSION_COOKIE = "proda_session";
export const CSRF_COOKIE = "proda_csrf";
export const CSRF_HEADER = "x-csrf-token";

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

function serialize(name: string, value: string, opts: { httpOnly: boolean; maxAgeSeconds: number }): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "SameSite=Lax", `Max-Age=${opts.maxAgeSeconds}`];
  if (opts.httpOnly) parts.push("HttpOnly");
  if (webEnv().PRODA_COOKIE_SECURE === "true") parts.push("Secure");
  return parts.join("; ");
}

export function sessionCookies(sessionToken: string, csrfToken: string, maxAgeSeconds: number): string[] {
  return [
    serialize(SESSION_COOKIE, sessionToken, { httpOnly: true, maxAgeSeconds }),
    serialize(CSRF_COOKIE, csrfToken, { httpOnly: false, maxAgeSeconds }),
  ];
}

export function clearedSessionCookies(): string[] {
  return [
    serialize(SESSION_COOKIE, "", { httpOnly: true, maxAgeSeconds: 0 }),
    serialize(CSRF_COOKIE, "", { httpOnly: false, maxAgeSeconds: 0 }),
  ];
}
