// /admin/queues — bull-board for owners of at least one project (queues span every project).
// Signed-out visitors are sent to sign-in; mutations must come from our own origin (bull-board's UI
// sends no CSRF header) and are written to the audit log. Pages go through the proxy like any page.
import { AppError } from "@proda/core";
import { audit } from "@proda/pipeline";
import { errorResponse } from "@/server/http";
import { authoriseOperator } from "@/server/metrics/operator-auth";
import { BOARD_BASE_PATH, queueBoard } from "@/server/metrics/queue-board";

/**
 * The proxy gives pages a per-request CSP nonce (strict-dynamic): bull-board's own script tags must
 * carry it to run. Its third-party font link is dropped (the policy would block it anyway).
 */
async function withNonce(response: Response, nonce: string | null): Promise<Response> {
  if (!nonce || !response.headers.get("content-type")?.includes("text/html")) return response;
  const html = (await response.text())
    .replace(/<script\b/g, `<script nonce="${nonce}"`)
    .replace(/<link[^>]+fonts\.googleapis\.com[^>]*>/g, "");
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(html, { status: response.status, headers });
}

function sameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (origin) return !!host && new URL(origin).host === host;
  return req.headers.get("sec-fetch-site") === "same-origin";
}

async function handle(req: Request): Promise<Response> {
  try {
    const operator = await authoriseOperator(req, { allowMetricsToken: false });
    const mutation = req.method !== "GET" && req.method !== "HEAD";
    if (mutation && !sameOrigin(req)) throw new AppError("csrf_failed", "Cross-origin request refused");
    const response = await queueBoard().fetch(req);
    if (mutation && response.ok && operator.via !== "metrics-token") {
      const { pathname } = new URL(req.url);
      await audit({ actorId: operator.user.id, action: "queues.operate", targetType: "queue", detail: { method: req.method, path: pathname.slice(BOARD_BASE_PATH.length) } });
    }
    return withNonce(response, req.headers.get("x-nonce"));
  } catch (error) {
    const url = new URL(req.url);
    if (error instanceof AppError && error.code === "unauthenticated" && req.method === "GET") {
      return Response.redirect(new URL(`/sign-in?next=${encodeURIComponent(url.pathname)}`, url), 303);
    }
    return errorResponse(error, { method: req.method, url: url.pathname });
  }
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
