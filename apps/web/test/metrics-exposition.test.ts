// The Prometheus text format writer and the in-process HTTP counters.
import { describe, expect, it } from "vitest";
import { formatLabels, formatMetrics, histogramSamples } from "../src/server/metrics/exposition.ts";
import { httpFamilies, recordRequest } from "../src/server/metrics/http-metrics.ts";

describe("exposition format", () => {
  it("writes HELP, TYPE and samples, escaping label values and help text", () => {
    const text = formatMetrics([
      { name: "x_total", help: "a\\b\nc", type: "counter", samples: [{ labels: { q: 'say "hi"\n\\' }, value: 3 }, { value: Infinity }] },
    ]);
    expect(text).toBe('# HELP x_total a\\\\b\\nc\n# TYPE x_total counter\nx_total{q="say \\"hi\\"\\n\\\\"} 3\nx_total +Inf\n');
    expect(formatLabels(undefined)).toBe("");
  });

  it("builds cumulative histogram samples ending with +Inf, sum and count", () => {
    const samples = histogramSamples({ kind: "k" }, [1, 5], [2, 3], 9.5, 4);
    expect(samples.map((s) => `${s.suffix}${formatLabels(s.labels)} ${s.value}`)).toEqual([
      '_bucket{kind="k",le="1"} 2', '_bucket{kind="k",le="5"} 3', '_bucket{kind="k",le="+Inf"} 4', '_sum{kind="k"} 9.5', '_count{kind="k"} 4',
    ]);
  });
});

describe("HTTP counters", () => {
  it("count requests by route and status and bucket their durations", () => {
    recordRequest("GET /unit-test/[id]", 200, 0.02);
    recordRequest("GET /unit-test/[id]", 200, 3);
    recordRequest("GET /unit-test/[id]", 404, 0.001);
    const text = formatMetrics(httpFamilies());
    expect(text).toContain('proda_http_requests_total{method="GET",route="/unit-test/[id]",status="200"} 2\n');
    expect(text).toContain('proda_http_requests_total{method="GET",route="/unit-test/[id]",status="404"} 1\n');
    expect(text).toContain('proda_http_request_duration_seconds_bucket{method="GET",route="/unit-test/[id]",le="0.01"} 1\n');
    expect(text).toContain('proda_http_request_duration_seconds_bucket{method="GET",route="/unit-test/[id]",le="0.05"} 2\n');
    expect(text).toContain('proda_http_request_duration_seconds_bucket{method="GET",route="/unit-test/[id]",le="+Inf"} 3\n');
    expect(text).toContain('proda_http_request_duration_seconds_count{method="GET",route="/unit-test/[id]"} 3\n');
  });
});
