// The Prometheus text exposition format (version 0.0.4), written by hand: a few metric families
// do not justify a client library, and the output is easy to check in tests.
export type TMetricType = "counter" | "gauge" | "histogram";

export interface TSample {
  labels?: Record<string, string>;
  value: number;
  /** For histograms: the sample's name suffix (_bucket, _sum, _count). */
  suffix?: string;
}

export interface TMetricFamily {
  name: string;
  help: string;
  type: TMetricType;
  samples: TSample[];
}

export const CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

const escapeLabel = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
const escapeHelp = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");

function formatValue(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  return String(v);
}

export function formatLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {});
  return entries.length ? `{${entries.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(",")}}` : "";
}

export function formatMetrics(families: TMetricFamily[]): string {
  const lines: string[] = [];
  for (const f of families) {
    lines.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples) lines.push(`${f.name}${s.suffix ?? ""}${formatLabels(s.labels)} ${formatValue(s.value)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Cumulative histogram samples from per-bucket counts (bounds ascending; the last count is +Inf's). */
export function histogramSamples(labels: Record<string, string>, bounds: number[], cumulative: number[], sum: number, count: number): TSample[] {
  return [
    ...bounds.map((le, i) => ({ suffix: "_bucket", labels: { ...labels, le: String(le) }, value: cumulative[i] ?? 0 })),
    { suffix: "_bucket", labels: { ...labels, le: "+Inf" }, value: count },
    { suffix: "_sum", labels, value: sum },
    { suffix: "_count", labels, value: count },
  ];
}
