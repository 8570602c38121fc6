"use client";

import { cx } from "@/components/ui/cx";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TDisciplineFunnelDto } from "@/lib/api-types";
import { formatCount, formatPercent } from "@/i18n/format";

const STAGE_COLOR = { documents: "bg-info", parsed: "bg-info/70", chunks: "bg-accent", kept: "bg-success" } as const;

/**
 * documents → parsed → chunks → kept as horizontal bars. Documents and chunks are different units,
 * so each pair is scaled to its own first stage; the percentage is the share of the previous stage.
 */
export function FunnelBars({ funnel }: { funnel: TDisciplineFunnelDto }) {
  const t = useT();
  const { locale } = useLocale();
  const count = (stage: string) => funnel.stages.find((s) => s.stage === stage)?.count ?? 0;
  const documents = count("documents");
  const parsed = count("parsed");
  const chunks = count("chunks");

  return (
    <ol aria-label={t("corpus.funnel.stages")} data-testid="corpus-funnel" className="flex flex-col gap-2.5">
      {funnel.stages.map((stage) => {
        const base = stage.stage === "documents" || stage.stage === "parsed" ? documents : chunks;
        const width = base > 0 ? stage.count / base : 0;
        const note =
          stage.stage === "parsed"
            ? t("corpus.funnel.ofDocuments", { share: formatPercent(stage.rate, locale) })
            : stage.stage === "chunks"
              ? parsed > 0
                ? t("corpus.funnel.perDocument", { value: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(chunks / parsed) })
                : null
              : stage.stage === "kept"
                ? t("corpus.funnel.ofChunks", { share: formatPercent(stage.rate, locale) })
                : null;
        return (
          <li key={stage.stage} data-stage={stage.stage} className="grid grid-cols-[6.5rem_1fr_auto] items-center gap-3">
            <span className="text-[13px] text-strong">{t(`corpus.funnel.stage.${stage.stage}`)}</span>
            <span className="h-5 overflow-hidden rounded-sm bg-line-strong/40" aria-hidden="true">
              <span
                className={cx("block h-full rounded-sm transition-[width] duration-500", STAGE_COLOR[stage.stage])}
                style={{ width: `${Math.max(stage.count > 0 ? 0.5 : 0, width * 100)}%` }}
              />
            </span>
            <span className="min-w-28 text-right text-[13px] tabular-nums">
              <span className="font-semibold text-strong" data-testid={`funnel-${stage.stage}`}>{formatCount(stage.count, locale)}</span>
              {note ? <span className="block text-[11px] text-muted">{note}</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** Sorted horizontal bars of counts by label (drop reasons, failure codes). */
export function CountBars({
  items,
  label,
  tone,
  testId,
}: {
  items: { key: string; label: string; count: number; title?: string }[];
  label: string;
  tone: "danger" | "warning";
  testId?: string;
}) {
  const { locale } = useLocale();
  const total = items.reduce((sum, item) => sum + item.count, 0);
  const max = Math.max(1, ...items.map((item) => item.count));
  const sorted = [...items].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return (
    <ul aria-label={label} data-testid={testId} className="flex flex-col gap-1.5">
      {sorted.map((item) => (
        <li key={item.key} data-key={item.key} className="grid grid-cols-[minmax(8rem,12rem)_1fr_auto] items-center gap-3 text-[13px]" title={item.title}>
          <span className="truncate text-fg">{item.label}</span>
          <span className="h-3 overflow-hidden rounded-sm bg-line-strong/40" aria-hidden="true">
            <span className={cx("block h-full rounded-sm", tone === "danger" ? "bg-danger/70" : "bg-warning/70")} style={{ width: `${(item.count / max) * 100}%` }} />
          </span>
          <span className="min-w-20 text-right tabular-nums">
            <span className="text-strong">{formatCount(item.count, locale)}</span>{" "}
            <span className="text-[11px] text-muted">{formatPercent(total ? item.count / total : 0, locale)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
