// An optimistic check before pages render: no session cookie → the sign-in page. The real check
// (is the session valid, what may this user do) happens in every API route through route().
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIE = "proda_session";

export function proxy(request: NextRequest) {
  if (request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = "";
  const next = request.nextUrl.pathname + request.nextUrl.search;
  if (next !== "/") url.searchParams.set("next", next);
  return NextResponse.redirect(url);
}

export const config = {
  // Everything except the API, the sign-in page and static assets.
  matcher: ["/((?!api/|sign-in|_next/|favicon.ico|.*\\.(?:svg|png|ico|css|js)$).*)"],
};
