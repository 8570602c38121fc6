"use client";

import { useId } from "react";
import { formatPercent } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import { BAR_CHART, groupedBarGeometry } from "../lib/compare";

export interface TBarSeries {
  key: string;
  label: string;
  color: string;
}

const LABEL_SPACE = 44;

/**
 * Accuracy per group (discipline) as grouped vertical SVG bars, one colour per series (baseline,
 * candidate, control), with a legend and the same figures as a table under "Data". No chart library:
 * the geometry is lib/compare.ts groupedBarGeometry.
 */
export function GroupedBars({ groups, series, label, testId }: { groups: { key: string; label: string; values: (number | null)[] }[]; series: TBarSeries[]; label: string; testId?: string }) {
  const t = useT();
  const { locale } = useLocale();
  const titleId = useId();
  const g = groupedBarGeometry(groups.map((group) => group.values), series.length);
  const height = BAR_CHART.height + LABEL_SPACE;
  return (
    <figure className="flex min-w-0 flex-col gap-1" data-testid={testId}>
      <figcaption id={titleId} className="flex flex-wrap items-center gap-3 text-xs">
        <span className="font-medium text-strong">{label}</span>
        {series.map((s) => (
          <span key={s.key} className="flex items-center gap-1 text-muted"><span className="inline-block h-2 w-2 rounded-sm" style={{ background: s.color }} />{s.label}</span>
        ))}
      </figcaption>
      <div className="overflow-x-auto">
        <svg viewBox={`0 0 ${Math.max(g.width, 240)} ${height}`} style={{ width: Math.max(g.width, 240), maxWidth: "none" }} className="h-56" role="img" aria-labelledby={titleId}>
          {[0, 0.25, 0.5, 0.75, 1].map((v) => (
            <g key={v}>
              <line x1={BAR_CHART.padLeft} x2={g.width} y1={BAR_CHART.height * (1 - v)} y2={BAR_CHART.height * (1 - v)} stroke="var(--line)" />
              <text x={BAR_CHART.padLeft - 4} y={BAR_CHART.height * (1 - v) + 3} textAnchor="end" fontSize="9" fill="var(--muted)">{Math.round(v * 100)}%</text>
            </g>
          ))}
          {g.rects.map((r) => (
            <rect key={`${r.group}:${r.series}`} x={r.x} y={r.y} width={r.width} height={Math.max(r.height, 0.5)} fill={series[r.series]!.color} data-series={series[r.series]!.key}>
              <title>{`${groups[r.group]!.label} · ${series[r.series]!.label}: ${formatPercent(r.value, locale)}`}</title>
            </rect>
          ))}
          {groups.map((group, i) => {
            const x = BAR_CHART.padLeft + BAR_CHART.groupGap / 2 + i * (g.groupWidth + BAR_CHART.groupGap) + g.groupWidth / 2;
            return (
              <text key={group.key} x={x} y={BAR_CHART.height + 12} textAnchor="end" fontSize="9" fill="var(--muted)" transform={`rotate(-30 ${x} ${BAR_CHART.height + 12})`}>
                {group.label.length > 14 ? `${group.label.slice(0, 13)}…` : group.label}
              </text>
            );
          })}
        </svg>
      </div>
      <details className="text-xs">
        <summary className="cursor-pointer text-muted hover:text-strong">{t("debugger.chart.table", { count: groups.length })}</summary>
        <div className="mt-1 max-h-48 overflow-auto rounded-sm border border-line">
          <table className="w-full text-left tabular-nums">
            <caption className="sr-only">{label}</caption>
            <thead className="sticky top-0 bg-sidebar">
              <tr>
                <th scope="col" className="px-2 py-0.5 font-medium text-muted">{t("knowledge.discipline")}</th>
                {series.map((s) => <th key={s.key} scope="col" className="px-2 py-0.5 text-right font-medium text-muted">{s.label}</th>)}
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <tr key={group.key} className="border-t border-line/50">
                  <th scope="row" className="px-2 py-0.5 font-normal">{group.label}</th>
                  {group.values.map((v, i) => <td key={series[i]?.key ?? i} className="px-2 py-0.5 text-right">{v === null ? "—" : formatPercent(v, locale)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
