"use client";

import { cx } from "@/components/ui/cx";
import { formatCount, formatPercent } from "@/i18n/format";
import { useLocale } from "@/i18n/i18n-provider";

export interface TAccuracyBar {
  key: string;
  label: string;
  accuracy: number;
  correct: number;
  items: number;
  current?: boolean;
  onOpen?: () => void;
}

/**
 * Accuracy as labelled horizontal bars (0–100 %), a list so screen readers read label, percentage
 * and counts; a row's label opens it when `onOpen` is given (the leaderboard opens an evaluation).
 */
export function AccuracyBars({ rows, label, testId, rowTestId }: { rows: TAccuracyBar[]; label: string; testId?: string; rowTestId?: string }) {
  const { locale } = useLocale();
  return (
    <ul aria-label={label} className="flex flex-col gap-1" data-testid={testId}>
      {rows.map((row) => (
        <li key={row.key} data-testid={rowTestId} data-key={row.key} data-accuracy={row.accuracy.toFixed(4)}
          className={cx("grid grid-cols-[minmax(7rem,14rem)_1fr_7rem] items-center gap-3 rounded-sm px-1 text-[13px]", row.current && "bg-selected-muted")}>
          {row.onOpen ? (
            <button type="button" onClick={row.onOpen} className="truncate text-left text-strong hover:text-link hover:underline" title={row.label} aria-current={row.current ? "true" : undefined}>{row.label}</button>
          ) : (
            <span className="truncate text-fg" title={row.label}>{row.label}</span>
          )}
          <span className="h-2.5 overflow-hidden rounded-sm bg-line-strong/40" aria-hidden="true">
            <span className="block h-full rounded-sm bg-accent" style={{ width: `${Math.round(row.accuracy * 1000) / 10}%` }} />
          </span>
          <span className="text-right text-xs text-strong tabular-nums">
            {formatPercent(row.accuracy, locale)} <span className="text-muted">({formatCount(row.correct, locale)}/{formatCount(row.items, locale)})</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
