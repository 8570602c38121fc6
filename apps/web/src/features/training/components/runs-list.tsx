"use client";

import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { formatDateTime, formatRelativeTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TModelDto, TTrainingRunDto } from "@/lib/api-types";
import { backendLabel } from "../lib/labels";
import { formatDuration, formatMetric, runDurationMs } from "../lib/run-status";
import { RunStatusBadge } from "./run-status-badge";

/** Every run, newest first: number, backend, dataset version, status, last loss, duration, model. */
export function RunsList({
  runs,
  models,
  currentId,
  onOpen,
  hasMore,
  loadingMore,
  onLoadMore,
}: {
  runs: TTrainingRunDto[];
  models: TModelDto[];
  currentId: string | null;
  onOpen: (id: string) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const head = "px-3 py-1.5 text-left text-[11px] font-medium text-muted uppercase";
  const modelName = (id: string | null) => (id ? (models.find((m) => m.id === id)?.name ?? "…") : "—");
  return (
    <div className="flex flex-col gap-2">
      <div className="overflow-auto rounded-md border border-line">
        <table className="w-full text-[13px]" data-testid="training-runs">
          <caption className="sr-only">{t("training.list.title")}</caption>
          <thead className="bg-sidebar">
            <tr className="border-b border-line">
              <th scope="col" className={head}>#</th>
              <th scope="col" className={head}>{t("training.list.backend")}</th>
              <th scope="col" className={head}>{t("training.list.dataset")}</th>
              <th scope="col" className={head}>{t("training.list.status")}</th>
              <th scope="col" className={cx(head, "text-right")}>{t("training.list.loss")}</th>
              <th scope="col" className={cx(head, "text-right")}>{t("training.list.duration")}</th>
              <th scope="col" className={head}>{t("training.list.model")}</th>
              <th scope="col" className={head}>{t("training.list.created")}</th>
              <th scope="col" className={head}><span className="sr-only">{t("common.actions")}</span></th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const duration = runDurationMs(run);
              return (
                <tr key={run.id} data-testid="training-run-row" data-status={run.status} className={cx("border-b border-line/50", run.id === currentId && "bg-selected-muted")} aria-current={run.id === currentId ? "true" : undefined}>
                  <td className="px-3 py-1.5 font-medium text-strong tabular-nums">{run.number}</td>
                  <td className="px-3 py-1.5 text-xs">{backendLabel(run.backend, t)}</td>
                  <td className="px-3 py-1.5 text-xs">V{run.datasetVersionNumber}</td>
                  <td className="px-3 py-1.5"><RunStatusBadge status={run.status} /></td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{formatMetric(run.lastLoss)}</td>
                  <td className="px-3 py-1.5 text-right text-xs tabular-nums">{duration === null ? "—" : formatDuration(duration)}</td>
                  <td className="max-w-48 truncate px-3 py-1.5 text-xs" title={modelName(run.modelId)}>{modelName(run.modelId)}</td>
                  <td className="px-3 py-1.5 text-xs text-muted" title={formatDateTime(run.createdAt, locale)}>{formatRelativeTime(run.createdAt, locale)}</td>
                  <td className="px-3 py-1.5 text-right">
                    {run.id !== currentId ? <Button size="sm" onClick={() => onOpen(run.id)}>{t("benchmarks.list.open")}</Button> : <span className="text-xs text-muted">{t("benchmarks.list.shown")}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {hasMore ? <Button className="self-center" busy={loadingMore} onClick={onLoadMore}>{t("common.loadMore")}</Button> : null}
    </div>
  );
}
