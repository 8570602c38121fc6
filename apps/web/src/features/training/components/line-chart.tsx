"use client";

import { useId } from "react";
import { useT } from "@/i18n/i18n-provider";
import { chartGeometry, type TChartBox } from "../lib/line-chart";
import { downsample, type TPoint } from "../lib/log-series";
import { formatMetric } from "../lib/run-status";

const BOX: TChartBox = { width: 480, height: 180, left: 52, bottom: 22, top: 8, right: 10 };
const MAX_POINTS = 400;
const MAX_TABLE_ROWS = 200;

/**
 * One metric over steps as an SVG line (thinned to a few hundred points, spikes kept), with the
 * last value in the caption and the same points as a table under "Data" for screen readers and
 * for reading exact values. No chart library: the geometry is lib/line-chart.ts.
 */
export function LineChart({ points, label, color = "var(--accent)", testId }: { points: TPoint[]; label: string; color?: string; testId?: string }) {
  const t = useT();
  const titleId = useId();
  const shown = downsample(points, MAX_POINTS);
  const last = points.at(-1);
  if (points.length === 0) {
    return (
      <figure className="flex flex-col gap-1" data-testid={testId} data-points={0}>
        <figcaption className="text-xs font-medium text-strong">{label}</figcaption>
        <p className="text-xs text-muted">{t("training.chart.noData")}</p>
      </figure>
    );
  }
  const g = chartGeometry(shown, BOX);
  const tableRows = downsample(points, MAX_TABLE_ROWS);
  return (
    <figure className="flex min-w-0 flex-col gap-1" data-testid={testId} data-points={points.length}>
      <figcaption id={titleId} className="flex items-baseline justify-between gap-2 text-xs">
        <span className="font-medium text-strong">{label}</span>
        {last ? <span className="text-muted tabular-nums">{t("training.chart.last", { step: last.x, value: formatMetric(last.y) })}</span> : null}
      </figcaption>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} className="h-44 w-full" role="img" aria-labelledby={titleId}>
        {g.yTicks.map((v) => (
          <g key={`y${v}`}>
            <line x1={BOX.left} x2={BOX.width - BOX.right} y1={g.y(v)} y2={g.y(v)} stroke="var(--line)" />
            <text x={BOX.left - 4} y={g.y(v) + 3} textAnchor="end" fontSize="9" fill="var(--muted)">{formatMetric(v)}</text>
          </g>
        ))}
        {g.xTicks.map((v) => (
          <text key={`x${v}`} x={g.x(v)} y={BOX.height - 6} textAnchor="middle" fontSize="9" fill="var(--muted)">{v}</text>
        ))}
        <line x1={BOX.left} x2={BOX.width - BOX.right} y1={BOX.height - BOX.bottom} y2={BOX.height - BOX.bottom} stroke="var(--line-strong)" />
        <path d={g.path} fill="none" stroke={color} strokeWidth="1.5" strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
        {shown.length === 1 ? <circle cx={g.x(shown[0]!.x)} cy={g.y(shown[0]!.y)} r="3" fill={color} /> : null}
      </svg>
      <details className="text-xs">
        <summary className="cursor-pointer text-muted hover:text-strong">{t("training.chart.table", { count: points.length })}</summary>
        <div className="mt-1 max-h-48 overflow-auto rounded-sm border border-line">
          <table className="w-full text-left tabular-nums">
            <caption className="sr-only">{label}</caption>
            <thead className="sticky top-0 bg-sidebar">
              <tr><th scope="col" className="px-2 py-0.5 font-medium text-muted">{t("training.chart.step")}</th><th scope="col" className="px-2 py-0.5 font-medium text-muted">{label}</th></tr>
            </thead>
            <tbody>
              {tableRows.map((p, i) => <tr key={`${p.x}:${i}`} className="border-t border-line/50"><td className="px-2 py-0.5">{p.x}</td><td className="px-2 py-0.5">{formatMetric(p.y)}</td></tr>)}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
