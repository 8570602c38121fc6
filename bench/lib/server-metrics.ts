// The web process's own view of request time: the route wrapper's histogram from GET /api/v1/metrics
// (handler start to response start, per route), read before and after a run and subtracted, so a
// benchmark can tell time spent in handlers from time spent before them (routing, queueing).
import { authHeaders, type TCredentials } from "./http-client.ts";

export interface THandlerTime {
  count: number;
  sumSeconds: number;
  /** Cumulative counts by upper bound in seconds ("+Inf" last). */
  buckets: Record<string, number>;
}

const METRIC = "proda_http_request_duration_seconds";

/** All API routes together. */
export async function scrapeHandlerTime(baseUrl: string, credentials: TCredentials): Promise<THandlerTime> {
  const res = await fetch(`${baseUrl}/api/v1/metrics`, { headers: authHeaders(credentials) });
  if (res.status !== 200) throw new Error(`GET /metrics: ${res.status} ${await res.text()}`);
  const out: THandlerTime = { count: 0, sumSeconds: 0, buckets: {} };
  for (const line of (await res.text()).split("\n")) {
    if (!line.startsWith(METRIC)) continue;
    const value = Number(line.slice(line.lastIndexOf(" ") + 1));
    if (line.startsWith(`${METRIC}_count`)) out.count += value;
    else if (line.startsWith(`${METRIC}_sum`)) out.sumSeconds += value;
    else if (line.startsWith(`${METRIC}_bucket`)) {
      const le = line.match(/le="([^"]+)"/)![1]!;
      out.buckets[le] = (out.buckets[le] ?? 0) + value;
    }
  }
  return out;
}

/** What happened between two scrapes: count, mean, and the share of requests over each bound. */
export function handlerTimeBetween(before: THandlerTime, after: THandlerTime) {
  const count = after.count - before.count;
  const sum = after.sumSeconds - before.sumSeconds;
  const over = Object.fromEntries(
    Object.keys(after.buckets).filter((le) => le !== "+Inf").map((le) => [`${le}s`, count ? +(1 - (after.buckets[le]! - (before.buckets[le] ?? 0)) / count).toFixed(4) : 0]),
  );
  return { requests: count, meanMs: count ? +((1000 * sum) / count).toFixed(1) : null, shareOver: over };
}
