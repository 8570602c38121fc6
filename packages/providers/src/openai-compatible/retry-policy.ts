// When to retry a failed request and how long to wait. We do the retrying ourselves (the client's
// maxRetries is 0) so every attempt goes through the shared rate limit and is counted.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";

export interface TRetryTiming {
  /** First backoff step; doubles each attempt. */
  baseDelayMs: number;
  /** Ceiling of one wait, Retry-After included (an endpoint asking for 10 minutes is not waited on). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_TIMING: TRetryTiming = { baseDelayMs: 500, maxDelayMs: 30_000 };

export interface TFailure {
  retryable: boolean;
  status: number | null;
  /** What the endpoint asked us to wait, when it said. */
  retryAfterMs: number | null;
  kind: "rate_limited" | "server_error" | "timeout" | "connection" | "client_error" | "aborted" | "unknown";
  message: string;
}

// "1s", "6m0s", "20ms", "1.5s" as in OpenAI's x-ratelimit-reset-* headers.
function parseDuration(value: string): number | null {
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0) return null;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
  return parts.reduce((sum, [, n, u]) => sum + Number(n) * unit[u as keyof typeof unit], 0);
}

/** Reads Retry-After (seconds or an HTTP date), retry-after-ms and the x-ratelimit-reset headers. */
export function readRetryAfterMs(headers: Headers | undefined, now = Date.now()): number | null {
  if (!headers) return null;
  const ms = headers.get("retry-after-ms");
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const after = headers.get("retry-after");
  if (after) {
    if (/^\d+(\.\d+)?$/.test(after.trim())) return Number(after) * 1000;
    const date = Date.parse(after);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  for (const name of ["x-ratelimit-reset-requests", "x-ratelimit-reset-tokens", "x-ratelimit-reset"]) {
    const value = headers.get(name)?.trim();
    if (!value) continue;
    if (/^\d+(\.\d+)?$/.test(value)) {
      const n = Number(value);
      // Some servers send an epoch time in seconds, others seconds to wait.
      return n > 1e9 ? Math.max(0, n * 1000 - now) : n * 1000;
    }
    const duration = parseDuration(value);
    if (duration !== null) return duration;
  }
  return null;
}

export function classifyFailure(error: unknown): TFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof APIUserAbortError) return { retryable: false, status: null, retryAfterMs: null, kind: "aborted", message };
  if (error instanceof APIConnectionTimeoutError) return { retryable: true, status: null, retryAfterMs: null, kind: "timeout", message };
  if (error instanceof APIConnectionError) return { retryable: true, status: null, retryAfterMs: null, kind: "connection", message };
  if (error instanceof APIError && typeof error.status === "number") {
    const status = error.status;
    const retryAfterMs = readRetryAfterMs(error.headers);
    if (status === 429) return { retryable: true, status, retryAfterMs, kind: "rate_limited", message };
    if (status >= 500 || status === 408 || status === 409) return { retryable: true, status, retryAfterMs, kind: "server_error", message };
    return { retryable: false, status, retryAfterMs: null, kind: "client_error", message };
  }
  // A 200 whose body is not JSON (a proxy's HTML page, a cut connection) is worth another try.
  if (error instanceof SyntaxError) return { retryable: true, status: null, retryAfterMs: null, kind: "server_error", message };
  return { retryable: false, status: null, retryAfterMs: null, kind: "unknown", message };
}

/** Exponential backoff with "equal jitter" (half fixed, half random), or the endpoint's own Retry-After (plus a little jitter), capped. */
export function computeRetryDelayMs(retry: number, failure: TFailure, timing: TRetryTiming, random = Math.random): number {
  if (failure.retryAfterMs !== null) return Math.min(timing.maxDelayMs, failure.retryAfterMs + Math.floor(random() * timing.baseDelayMs * 0.2));
  const ceiling = Math.min(timing.maxDelayMs, timing.baseDelayMs * 2 ** retry);
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}
