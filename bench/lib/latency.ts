// Latency figures the benchmarks report: nearest-rank percentiles over raw samples (milliseconds).
export interface TLatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** The value at rank ⌈p·n⌉ of ascending `sorted` (NaN when empty). */
function rank(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function summariseLatency(ms: number[]): TLatencySummary {
  const round = (v: number) => +v.toFixed(1);
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    count: ms.length,
    p50: round(rank(sorted, 0.5)), p95: round(rank(sorted, 0.95)), p99: round(rank(sorted, 0.99)), max: round(rank(sorted, 1)),
    mean: round(ms.reduce((s, v) => s + v, 0) / (ms.length || 1)),
  };
}
