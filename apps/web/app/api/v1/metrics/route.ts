// GET /api/v1/metrics — Prometheus text exposition: queue depths, jobs by kind and status, job
// durations, LLM calls/tokens/cost, HTTP requests by route and status. Public in ROUTE_ACCESS because
// it authenticates itself: Bearer PRODA_METRICS_TOKEN (for a scraper) or a project owner's session
// or API token (see operator-auth.ts).
import { getPrisma } from "@proda/db";
import { collectMetrics } from "@/server/metrics/collect";
import { CONTENT_TYPE, formatMetrics } from "@/server/metrics/exposition";
import { authoriseOperator } from "@/server/metrics/operator-auth";
import { route } from "@/server/route";

export const GET = route("GET /metrics", {}, async ({ req }) => {
  await authoriseOperator(req, { allowMetricsToken: true });
  const body = formatMetrics(await collectMetrics(getPrisma()));
  return new Response(body, { headers: { "content-type": CONTENT_TYPE, "cache-control": "no-store" } });
});
