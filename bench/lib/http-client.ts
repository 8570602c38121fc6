// HTTP against a running web server, the way a browser or a script reaches it: a session through
// the real sign-in route (cookies kept in a jar, the CSRF token echoed on mutations) or an API token.
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Takes the Set-Cookie headers of a response (sign-in, a rotated session). */
  absorb(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/Max-Age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    const raw = this.cookies.get(name);
    return raw === undefined ? undefined : decodeURIComponent(raw);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export type TCredentials = { token: string } | { jar: CookieJar };

/** Request headers for `credentials`; mutations from a session carry the CSRF token. */
export function authHeaders(credentials: TCredentials, method = "GET"): Record<string, string> {
  if ("token" in credentials) return { authorization: `Bearer ${credentials.token}` };
  const headers: Record<string, string> = { cookie: credentials.jar.header() };
  if (method !== "GET" && method !== "HEAD") headers["x-csrf-token"] = credentials.jar.get("proda_csrf") ?? "";
  return headers;
}

/** POST /api/v1/auth/sign-in; the jar then holds the session and CSRF cookies. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<CookieJar> {
  const res = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  const jar = new CookieJar();
  jar.absorb(res);
  if (!jar.get("proda_session")) throw new Error(`sign-in of ${email} set no session cookie`);
  return jar;
}

/**
 * One API call for setting a benchmark up (not for measuring): JSON or multipart body, the answer
 * parsed; any status other than `expect` throws with the server's message.
 */
export async function callApi<T = Record<string, unknown>>(
  baseUrl: string,
  credentials: TCredentials,
  method: string,
  path: string,
  { body, form, expect = [200] }: { body?: unknown; form?: FormData; expect?: number[] } = {},
): Promise<T> {
  const headers: Record<string, string> = { ...authHeaders(credentials, method), origin: baseUrl };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${baseUrl}/api/v1${path}`, { method, headers, body: form ?? (body === undefined ? undefined : JSON.stringify(body)) });
  if ("jar" in credentials) credentials.jar.absorb(res);
  const text = await res.text();
  if (!expect.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : null) as T;
}
