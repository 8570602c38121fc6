// In-process HTTP counters, fed by the route wrapper. They live on globalThis because Next may load
// the wrapper once per route bundle; per web process, like any Prometheus client's counters
// (scrape each web instance).
import { histogramSamples, type TMetricFamily } from "./exposition.ts";

export const HTTP_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface TRouteStats {
  byStatus: Map<number, number>;
  buckets: number[];
  sum: number;
  count: number;
}

const store = globalThis as unknown as { prodaHttpMetrics?: Map<string, TRouteStats> };
const routes = () => (store.prodaHttpMetrics ??= new Map());

export function recordRequest(routeKey: string, status: number, seconds: number): void {
  let stats = routes().get(routeKey);
  if (!stats) {
    stats = { byStatus: new Map(), buckets: HTTP_BUCKETS.map(() => 0), sum: 0, count: 0 };
    routes().set(routeKey, stats);
  }
  stats.byStatus.set(status, (stats.byStatus.get(status) ?? 0) + 1);
  HTTP_BUCKETS.forEach((le, i) => {
    if (seconds <= le) stats.buckets[i]!++;
  });
  stats.sum += seconds;
  stats.count++;
}

const labelsOf = (routeKey: string) => {
  const space = routeKey.indexOf(" ");
  return { method: routeKey.slice(0, space), route: routeKey.slice(space + 1) };
};

export function httpFamilies(): TMetricFamily[] {
  const entries = [...routes().entries()].sort(([a], [b]) => a.localeCompare(b));
  return [
    {
      name: "proda_http_requests_total",
      help: "API requests answered by this web process, by route and status.",
      type: "counter",
      samples: entries.flatMap(([key, s]) => [...s.byStatus.entries()].sort(([a], [b]) => a - b).map(([status, value]) => ({ labels: { ...labelsOf(key), status: String(status) }, value }))),
    },
    {
      name: "proda_http_request_duration_seconds",
      help: "API request durations in this web process, by route (until the response starts; streams excluded).",
      type: "histogram",
      samples: entries.flatMap(([key, s]) => histogramSamples(labelsOf(key), HTTP_BUCKETS, s.buckets, s.sum, s.count)),
    },
  ];
}
