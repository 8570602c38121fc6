"use client";

import { formatCount, formatPercent } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import { positionBars } from "../lib/stats-view";

/**
 * Correct answers per option label as vertical bars, with a dashed line at the even share (1 / labels):
 * a balanced benchmark has every bar near it. Pure SVG, with a hidden table for screen readers.
 */
export function PositionHistogram({ positions, label, testId }: { positions: Record<string, number> | undefined; label: string; testId?: string }) {
  const t = useT();
  const { locale } = useLocale();
  const { bars, expected } = positionBars(positions);
  if (bars.length === 0) return <p className="text-xs text-muted">{t("benchmarks.stats.noItems")}</p>;
  const maxShare = Math.max(expected, ...bars.map((b) => b.share), 0.01);
  const w = 44;
  const h = 110;
  const width = bars.length * w;
  const y = (share: number) => h - (share / maxShare) * (h - 14);
  return (
    <figure className="flex flex-col gap-1" data-testid={testId}>
      <svg viewBox={`0 0 ${width} ${h + 18}`} className="h-36 w-full max-w-sm" preserveAspectRatio="xMinYMid meet" role="img" aria-label={label}>
        <line x1="0" x2={width} y1={h} y2={h} stroke="var(--line-strong)" />
        {bars.map((b, i) => (
          <g key={b.key} data-label={b.key}>
            <title>{t("benchmarks.stats.positionBar", { label: b.key, count: formatCount(b.count, locale), share: formatPercent(b.share, locale) })}</title>
            <rect x={i * w + 8} y={y(b.share)} width={w - 16} height={Math.max(b.count ? 2 : 0, h - y(b.share))} rx="2" fill="var(--accent)" />
            <text x={i * w + w / 2} y={y(b.share) - 3} textAnchor="middle" fontSize="9" fill="var(--muted)">{formatPercent(b.share, locale)}</text>
            <text x={i * w + w / 2} y={h + 13} textAnchor="middle" fontSize="11" fontWeight="600" fill="var(--fg)">{b.key}</text>
          </g>
        ))}
        <line x1="0" x2={width} y1={y(expected)} y2={y(expected)} stroke="var(--success)" strokeDasharray="4 3" />
      </svg>
      <figcaption className="text-[11px] text-muted">{t("benchmarks.stats.expectedShare", { share: formatPercent(expected, locale) })}</figcaption>
      <table className="sr-only">
        <caption>{label}</caption>
        <tbody>
          {bars.map((b) => <tr key={b.key}><th scope="row">{b.key}</th><td>{b.count}</td></tr>)}
        </tbody>
      </table>
    </figure>
  );
}
