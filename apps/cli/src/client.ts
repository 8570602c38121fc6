// The CLI's one way to call the server: bearer token, JSON in and out, and every failure turned
// into a CliError whose exit code a script can act on (see errors.ts).
import { CliError, EXIT, exitCodeForStatus } from "./errors.ts";

export interface TClientOptions {
  server: string;
  token: string;
}

export class ApiClient {
  constructor(readonly options: TClientOptions) {}

  url(pathname: string, query?: Record<string, string | undefined>): string {
    const url = new URL(`${this.options.server}/api/v1${pathname}`);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    return url.toString();
  }

  /** The raw response of a successful call; errors are thrown as CliError. */
  async fetch(pathname: string, init: { method?: string; body?: BodyInit; json?: unknown; query?: Record<string, string | undefined>; accept?: string; signal?: AbortSignal } = {}): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.token}`, accept: init.accept ?? "application/json" };
    let body = init.body;
    if (init.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(init.json);
    }
    let response: Response;
    try {
      response = await fetch(this.url(pathname, init.query), { method: init.method ?? "GET", headers, body, signal: init.signal });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(EXIT.server, `Cannot reach ${this.options.server}: ${cause?.code ?? cause?.message ?? (error as Error).message}`, "network");
    }
    if (!response.ok) throw await toCliError(response);
    return response;
  }

  async json<T>(pathname: string, init: Parameters<ApiClient["fetch"]>[1] = {}): Promise<T> {
    const response = await this.fetch(pathname, init);
    if (response.status === 204) return null as T;
    return (await response.json()) as T;
  }

  get = <T>(pathname: string, query?: Record<string, string | undefined>) => this.json<T>(pathname, { query });
  post = <T>(pathname: string, json: unknown = {}) => this.json<T>(pathname, { method: "POST", json });
}

export async function toCliError(response: Response): Promise<CliError> {
  const text = await response.text().catch(() => "");
  let error: { code?: string; message?: string; details?: unknown } = {};
  try {
    error = (JSON.parse(text) as { error?: typeof error }).error ?? {};
  } catch {
    /* not our JSON error body (a proxy's page, say) */
  }
  const message = error.message ?? `${response.status} ${response.statusText}`.trim();
  return new CliError(exitCodeForStatus(response.status), `${message} (HTTP ${response.status})`, error.code, error.details);
}
