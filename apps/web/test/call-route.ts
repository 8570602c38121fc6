// Calls a route handler the way Next.js does, with a real Request. Cookies returned by one call can
// be fed to the next, like a browser would.
import type { RouteHandler } from "../src/server/route.ts";

export interface CallOptions {
  params?: Record<string, string>;
  body?: unknown;
  token?: string;
  cookies?: Record<string, string>;
  headers?: Record<string, string>;
}

export async function callRoute(handler: RouteHandler, method: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookies) headers.cookie = Object.entries(options.cookies).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("; ");
  const request = new Request("http://localhost/api/v1/test", {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, response, text };
}

/** name → value of the cookies a response sets (a Max-Age=0 cookie maps to ""). */
export function setCookies(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const [name, ...rest] = pair!.split("=");
    out[name!.trim()] = decodeURIComponent(rest.join("="));
  }
  return out;
}
