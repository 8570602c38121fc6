"use client";

import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { useLocale, useT } from "@/i18n/i18n-provider";
import { formatDecimal } from "../lib/format-knowledge";
import type { TDistribution, TReportStats } from "../lib/report";
import { formatCount, formatPercent } from "@/i18n/format";

// Pure SVG/CSS charts of the quality report: no chart library. Each has a text equivalent (a label
// or a visually hidden table) for screen readers.

export function StatTile({ label, value, detail, testId, tone }: { label: string; value: ReactNode; detail?: ReactNode; testId?: string; tone?: "warning" | "danger" }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5 rounded-md border border-line bg-sidebar/60 px-3 py-2">
      <dt className="truncate text-[11px] text-muted uppercase">{label}</dt>
      <dd className={cx("text-xl font-semibold tabular-nums", tone === "danger" ? "text-danger" : tone === "warning" ? "text-warning" : "text-strong")} data-testid={testId}>
        {value}
      </dd>
      {detail ? <dd className="truncate text-[11px] text-muted">{detail}</dd> : null}
    </div>
  );
}

/** A share as a ring: the arc is `value` of the circle. */
export function DonutGauge({ value, label, tone = "success", testId }: { value: number; label: string; tone?: "success" | "accent" | "warning"; testId?: string }) {
  const { locale } = useLocale();
  const r = 34;
  const c = 2 * Math.PI * r;
  const share = Math.min(1, Math.max(0, value));
  const color = { success: "var(--success)", accent: "var(--accent)", warning: "var(--warning)" }[tone];
  return (
    <figure className="flex flex-col items-center gap-1" data-testid={testId}>
      <svg viewBox="0 0 88 88" width="88" height="88" role="img" aria-label={`${label}: ${formatPercent(share, locale)}`}>
        <circle cx="44" cy="44" r={r} fill="none" stroke="var(--line-strong)" strokeWidth="9" />
        <circle cx="44" cy="44" r={r} fill="none" stroke={color} strokeWidth="9" strokeLinecap="round" strokeDasharray={`${share * c} ${c}`} transform="rotate(-90 44 44)" />
        <text x="44" y="49" textAnchor="middle" fontSize="15" fontWeight="600" fill="var(--strong)">{formatPercent(share, locale)}</text>
      </svg>
      <figcaption className="text-center text-[11px] text-muted">{label}</figcaption>
    </figure>
  );
}

/** A labelled horizontal share bar. */
export function Meter({ value, label, detail, tone = "accent" }: { value: number; label: string; detail?: string; tone?: "accent" | "success" | "warning" | "danger" }) {
  const { locale } = useLocale();
  const share = Math.min(1, Math.max(0, value));
  const color = { accent: "bg-accent", success: "bg-success", warning: "bg-warning", danger: "bg-danger" }[tone];
  return (
    <div className="grid grid-cols-[9rem_1fr_4rem] items-center gap-3 text-[13px]">
      <span className="truncate text-fg" title={detail}>{label}</span>
      <span className="h-2.5 overflow-hidden rounded-sm bg-line-strong/40" aria-hidden="true">
        <span className={cx("block h-full rounded-sm", color)} style={{ width: `${share * 100}%` }} />
      </span>
      <span className="text-right font-medium text-strong tabular-nums">{formatPercent(share, locale)}</span>
    </div>
  );
}

/** Concepts per degree bucket (log buckets 0, 1, 2–3, 4–7, …) as vertical bars. */
export function DegreeHistogram({ buckets, label }: { buckets: TReportStats["degreeHistogram"]; label: string }) {
  const t = useT();
  const { locale } = useLocale();
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const w = 34;
  const h = 120;
  const width = Math.max(1, buckets.length) * w;
  return (
    <figure className="flex flex-col gap-1" data-testid="knowledge-degree-histogram">
      <svg viewBox={`0 0 ${width} ${h + 30}`} className="h-40 w-full max-w-xl" preserveAspectRatio="xMinYMid meet" role="img" aria-label={label}>
        <line x1="0" x2={width} y1={h} y2={h} stroke="var(--line-strong)" />
        {buckets.map((b, i) => {
          const bar = b.count === 0 ? 0 : Math.max(2, (b.count / max) * (h - 16));
          return (
            <g key={b.label}>
              <title>{t("knowledge.report.bucket", { label: b.label, count: formatCount(b.count, locale) })}</title>
              <rect x={i * w + 5} y={h - bar} width={w - 10} height={bar} rx="2" fill={b.min === 0 && b.max === 0 ? "var(--warning)" : "var(--accent)"} />
              <text x={i * w + w / 2} y={h - bar - 4} textAnchor="middle" fontSize="9" fill="var(--muted)">{b.count ? formatCount(b.count, locale) : ""}</text>
              <text x={i * w + w / 2} y={h + 14} textAnchor="middle" fontSize="10" fill="var(--fg)">{b.label}</text>
            </g>
          );
        })}
        <text x={width / 2} y={h + 28} textAnchor="middle" fontSize="9" fill="var(--muted)">{t("knowledge.report.degreeAxis")}</text>
      </svg>
      <table className="sr-only">
        <caption>{label}</caption>
        <tbody>
          {buckets.map((b) => (
            <tr key={b.label}><th scope="row">{b.label}</th><td>{b.count}</td></tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** min … max as a track, the median as a tick and the mean as a dot. */
export function DistributionBar({ dist, label, unit }: { dist: TDistribution; label: string; unit: string }) {
  const t = useT();
  const { locale } = useLocale();
  const span = Math.max(1, dist.max);
  const at = (v: number) => `${(v / span) * 100}%`;
  return (
    <div className="flex flex-col gap-1.5" data-testid="knowledge-distribution">
      <div className="flex items-baseline justify-between gap-2 text-[13px]">
        <span className="text-fg">{label}</span>
        <span className="text-xs text-muted">
          {t("knowledge.report.distribution", { mean: formatDecimal(dist.mean, locale, 1), median: formatDecimal(dist.median, locale, 1), min: formatCount(dist.min, locale), max: formatCount(dist.max, locale), unit })}
        </span>
      </div>
      <div className="relative h-4" aria-hidden="true">
        <span className="absolute inset-x-0 top-1.5 h-1 rounded-full bg-line-strong/50" />
        <span className="absolute top-1.5 h-1 rounded-full bg-accent/60" style={{ left: at(dist.min), width: `calc(${at(dist.max)} - ${at(dist.min)})` }} />
        <span className="absolute top-0 h-4 w-0.5 bg-strong" style={{ left: at(dist.median) }} />
        <span className="absolute top-1 h-2 w-2 -translate-x-1/2 rounded-full bg-success" style={{ left: at(dist.mean) }} />
      </div>
    </div>
  );
}

const SIZE_METRICS = ["concepts", "relations", "chains"] as const;
const SIZE_COLOR = { concepts: "bg-info", relations: "bg-accent", chains: "bg-success" } as const;

/** Concepts, relations and chains per discipline, each metric scaled to its largest discipline. */
export function DisciplineBars({ disciplines }: { disciplines: ({ discipline: string } & TReportStats)[] }) {
  const t = useT();
  const { locale } = useLocale();
  const max = Object.fromEntries(SIZE_METRICS.map((m) => [m, Math.max(1, ...disciplines.map((d) => d[m]))])) as Record<(typeof SIZE_METRICS)[number], number>;
  return (
    <div className="flex flex-col gap-3" data-testid="knowledge-discipline-bars">
      <p className="flex flex-wrap gap-3 text-[11px] text-muted" aria-hidden="true">
        {SIZE_METRICS.map((m) => (
          <span key={m} className="flex items-center gap-1"><span className={cx("inline-block h-2 w-3 rounded-sm", SIZE_COLOR[m])} />{t(`knowledge.report.${m}`)}</span>
        ))}
      </p>
      <ul className="flex flex-col gap-2.5">
        {disciplines.map((d) => (
          <li key={d.discipline} className="grid grid-cols-[minmax(6rem,10rem)_1fr] items-center gap-3">
            <span className="truncate text-[13px] text-strong" title={d.discipline}>{d.discipline}</span>
            <span className="flex flex-col gap-0.5">
              {SIZE_METRICS.map((m) => (
                <span key={m} className="grid grid-cols-[1fr_4rem] items-center gap-2" title={`${t(`knowledge.report.${m}`)}: ${formatCount(d[m], locale)}`}>
                  <span className="h-2 overflow-hidden rounded-sm bg-line-strong/30" aria-hidden="true">
                    <span className={cx("block h-full rounded-sm", SIZE_COLOR[m])} style={{ width: `${(d[m] / max[m]) * 100}%` }} />
                  </span>
                  <span className="text-right text-[11px] text-fg tabular-nums">
                    <span className="sr-only">{t(`knowledge.report.${m}`)}: </span>{formatCount(d[m], locale)}
                  </span>
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
