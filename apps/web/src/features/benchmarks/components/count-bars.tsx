"use client";

import { cx } from "@/components/ui/cx";
import { formatCount, formatPercent } from "@/i18n/format";
import { useLocale } from "@/i18n/i18n-provider";
import type { TBar } from "../lib/stats-view";

/** Counts as labelled horizontal bars, largest first; a list, so screen readers read label and count. */
export function CountBars({ rows, label, format = (key) => key, testId, tone = "accent" }: { rows: TBar[]; label: string; format?: (key: string) => string; testId?: string; tone?: "accent" | "success" | "info" }) {
  const { locale } = useLocale();
  const max = Math.max(1, ...rows.map((r) => r.count));
  const color = { accent: "bg-accent", success: "bg-success", info: "bg-info" }[tone];
  return (
    <ul aria-label={label} className="flex flex-col gap-1" data-testid={testId}>
      {rows.map((row) => (
        <li key={row.key} className="grid grid-cols-[minmax(6rem,11rem)_1fr_5rem] items-center gap-3 text-[13px]">
          <span className="truncate text-fg" title={format(row.key)}>{format(row.key)}</span>
          <span className="h-2.5 overflow-hidden rounded-sm bg-line-strong/40" aria-hidden="true">
            <span className={cx("block h-full rounded-sm", color)} style={{ width: `${(row.count / max) * 100}%` }} />
          </span>
          <span className="text-right text-xs text-strong tabular-nums">
            {formatCount(row.count, locale)} <span className="text-muted">({formatPercent(row.share, locale)})</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
