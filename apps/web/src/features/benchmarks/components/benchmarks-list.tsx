"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { formatCount, formatDateTime, formatRelativeTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TBenchmarkDto } from "@/lib/api-types";
import { ARTIFACT_TONE } from "../lib/artifact-status";
import { artifactStatusLabel, modeLabel, REVIEW_STATES, reviewLabel } from "../lib/labels";

/** Every benchmark of the project, newest first: status, items, review counts, the frozen badge. */
export function BenchmarksList({ benchmarks, currentId, onOpen }: { benchmarks: TBenchmarkDto[]; currentId: string | null; onOpen: (id: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const head = "px-3 py-1.5 text-left text-[11px] font-medium text-muted uppercase";
  return (
    <div className="overflow-auto rounded-md border border-line">
      <table className="w-full text-[13px]" data-testid="benchmarks-list">
        <caption className="sr-only">{t("benchmarks.list.title")}</caption>
        <thead className="bg-sidebar">
          <tr className="border-b border-line">
            <th scope="col" className={head}>{t("benchmarks.list.benchmark")}</th>
            <th scope="col" className={head}>{t("benchmarks.list.status")}</th>
            <th scope="col" className={head}>{t("benchmarks.list.source")}</th>
            <th scope="col" className={cx(head, "text-right")}>{t("benchmarks.list.items")}</th>
            <th scope="col" className={head}>{t("benchmarks.list.review")}</th>
            <th scope="col" className={head}>{t("benchmarks.list.created")}</th>
            <th scope="col" className={head}><span className="sr-only">{t("common.actions")}</span></th>
          </tr>
        </thead>
        <tbody>
          {benchmarks.map((b) => (
            <tr key={b.id} data-testid="benchmark-row" data-status={b.status} className={cx("border-b border-line/50", b.id === currentId && "bg-selected-muted")} aria-current={b.id === currentId ? "true" : undefined}>
              <td className="px-3 py-1.5">
                <span className="font-medium text-strong">#{b.number} {b.name}</span>
                <span className="block text-[11px] text-muted">
                  {t("benchmarks.list.settings", { options: b.settings.optionCount, mode: modeLabel(b.settings.mode, t), seed: b.settings.seed })}
                </span>
              </td>
              <td className="px-3 py-1.5">
                <span className="flex flex-wrap items-center gap-1">
                  <Badge tone={ARTIFACT_TONE[b.status]}>{artifactStatusLabel(b.status, t)}</Badge>
                  {b.frozenAt ? <span className="text-[11px] text-muted" title={formatDateTime(b.frozenAt, locale)}>{formatRelativeTime(b.frozenAt, locale)}</span> : null}
                </span>
              </td>
              <td className="px-3 py-1.5 text-xs text-fg">
                {b.knowledgeVersionNumber === null ? t("benchmarks.list.external") : t("benchmarks.list.knowledgeVersion", { number: b.knowledgeVersionNumber })}
                <span className="block text-[11px] text-muted">{b.providerKind === "builtin" ? t("knowledge.run.builtinProvider") : b.providerName}</span>
              </td>
              <td className="px-3 py-1.5 text-right tabular-nums">{formatCount(b.itemCount, locale)}</td>
              <td className="px-3 py-1.5 text-xs">
                <span className="flex flex-wrap gap-x-2 gap-y-0.5">
                  {REVIEW_STATES.map((state) => (
                    <span key={state} className={state === "pending" ? "text-muted" : "text-fg"} data-review={state}>
                      {reviewLabel(state, t)} <span className="tabular-nums">{formatCount(b.review?.[state] ?? 0, locale)}</span>
                    </span>
                  ))}
                </span>
              </td>
              <td className="px-3 py-1.5 text-xs text-muted" title={formatDateTime(b.createdAt, locale)}>{formatRelativeTime(b.createdAt, locale)}</td>
              <td className="px-3 py-1.5 text-right">
                {b.id !== currentId ? <Button size="sm" onClick={() => onOpen(b.id)}>{t("benchmarks.list.open")}</Button> : <span className="text-xs text-muted">{t("benchmarks.list.shown")}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
