"use client";

import { useLocale, useT } from "@/i18n/i18n-provider";
import { formatCount } from "@/i18n/format";
import type { TColouring } from "../lib/colours";

/** What the colours mean: categories with their node counts, or the overlay's value buckets. */
export function OverviewLegend({ colouring, title }: { colouring: TColouring; title: string }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <figure data-testid="graph-overview-legend" className="flex min-w-0 flex-col gap-1 text-xs">
      <figcaption className="text-[11px] font-semibold text-muted uppercase">{title}</figcaption>
      <ul aria-label={t("graph.legend.label", { title })} className="flex flex-col gap-0.5">
        {colouring.legend.map((entry) => (
          <li key={`${entry.colour}-${entry.label}`} className="flex items-center gap-2">
            <span aria-hidden="true" className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: entry.colour }} />
            <span className="min-w-0 flex-1 truncate text-fg" title={entry.label}>{entry.label}</span>
            {entry.count !== undefined ? <span className="text-muted tabular-nums">{formatCount(entry.count, locale)}</span> : null}
          </li>
        ))}
      </ul>
    </figure>
  );
}
