// Runs before every page: a fresh CSP nonce (Next reads it from the request's policy header and puts
// it on its own scripts; the root layout puts it on ours), and an optimistic sign-in check — no
// session cookie → the sign-in page. The real check (is the session valid, what may this user do)
// happens in every API route through route().
import { NextResponse, type NextRequest } from "next/server";
import { buildCsp, createNonce } from "@/lib/csp";

const SESSION_COOKIE = "proda_session";

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const csp = buildCsp(nonce);
  const isSignIn = request.nextUrl.pathname === "/sign-in" || request.nextUrl.pathname.startsWith("/sign-in/");
  if (!isSignIn && !request.cookies.has(SESSION_COOKIE)) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = "";
    const next = request.nextUrl.pathname + request.nextUrl.search;
    if (next !== "/") url.searchParams.set("next", next);
    return NextResponse.redirect(url);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Every page, the sign-in page included; not the API or static assets (they get the static policy).
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.(?:svg|png|ico|css|js|txt|json)$).*)"],
};
