"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { ARTIFACT_TONE } from "@/features/benchmarks/lib/artifact-status";
import { artifactStatusLabel } from "@/features/benchmarks/lib/labels";
import { formatCount, formatDateTime, formatPercent, formatRelativeTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TDatasetDto } from "@/lib/api-types";
import { coverageShare } from "../lib/dataset-view";
import { ContaminationBadge } from "./contamination-badge";

/** Every dataset version, newest first: status, samples, coverage, frozen badge and guard verdict. */
export function DatasetsList({
  datasets,
  currentId,
  canRebuild,
  rebuilding,
  onOpen,
  onRebuild,
}: {
  datasets: TDatasetDto[];
  currentId: string | null;
  canRebuild: boolean;
  rebuilding: boolean;
  onOpen: (id: string) => void;
  onRebuild: (id: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const head = "px-3 py-1.5 text-left text-[11px] font-medium text-muted uppercase";
  return (
    <div className="overflow-auto rounded-md border border-line">
      <table className="w-full text-[13px]" data-testid="datasets-list">
        <caption className="sr-only">{t("datasets.list.title")}</caption>
        <thead className="bg-sidebar">
          <tr className="border-b border-line">
            <th scope="col" className={head}>{t("datasets.list.version")}</th>
            <th scope="col" className={head}>{t("datasets.list.status")}</th>
            <th scope="col" className={head}>{t("datasets.list.source")}</th>
            <th scope="col" className={cx(head, "text-right")}>{t("datasets.list.samples")}</th>
            <th scope="col" className={cx(head, "text-right")}>{t("datasets.list.coverage")}</th>
            <th scope="col" className={head}>{t("datasets.list.guard")}</th>
            <th scope="col" className={head}>{t("datasets.list.created")}</th>
            <th scope="col" className={head}><span className="sr-only">{t("common.actions")}</span></th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((d) => {
            const coverage = coverageShare(d.coverage);
            return (
              <tr key={d.id} data-testid="dataset-row" data-status={d.status} className={cx("border-b border-line/50", d.id === currentId && "bg-selected-muted")} aria-current={d.id === currentId ? "true" : undefined}>
                <td className="px-3 py-1.5">
                  <span className="font-medium text-strong">V{d.number} {d.name}</span>
                  <span className="block text-[11px] text-muted">{t("datasets.list.recipe", { budget: formatCount(d.recipe.budget, locale), seed: d.recipe.seed })}</span>
                </td>
                <td className="px-3 py-1.5">
                  <span className="flex flex-wrap items-center gap-1">
                    <Badge tone={ARTIFACT_TONE[d.status]}>{artifactStatusLabel(d.status, t)}</Badge>
                    {d.frozenAt ? <span className="text-[11px] text-muted" title={formatDateTime(d.frozenAt, locale)}>{formatRelativeTime(d.frozenAt, locale)}</span> : null}
                  </span>
                </td>
                <td className="px-3 py-1.5 text-xs text-fg">
                  {t("benchmarks.list.knowledgeVersion", { number: d.knowledgeVersionNumber })}
                  {d.parentId ? <span className="block text-[11px] text-muted">{t("datasets.list.patched", { number: datasets.find((p) => p.id === d.parentId)?.number ?? "?" })}</span> : null}
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatCount(d.sampleCount, locale)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{coverage === null ? "—" : formatPercent(coverage, locale)}</td>
                <td className="px-3 py-1.5"><ContaminationBadge report={d.contamination} /></td>
                <td className="px-3 py-1.5 text-xs text-muted" title={formatDateTime(d.createdAt, locale)}>{formatRelativeTime(d.createdAt, locale)}</td>
                <td className="px-3 py-1.5">
                  <span className="flex justify-end gap-1">
                    {canRebuild && (d.status === "ready" || d.status === "frozen") ? (
                      <Button size="sm" variant="ghost" icon="refresh" disabled={rebuilding} onClick={() => onRebuild(d.id)} title={t("datasets.rebuild.hint")}>{t("datasets.rebuild.button")}</Button>
                    ) : null}
                    {d.id !== currentId ? <Button size="sm" onClick={() => onOpen(d.id)}>{t("benchmarks.list.open")}</Button> : <span className="self-center text-xs text-muted">{t("benchmarks.list.shown")}</span>}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
