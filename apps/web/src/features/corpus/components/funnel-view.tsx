"use client";

import { useState } from "react";
import { cx } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { CONTROL_CLASS } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { Card } from "@/features/workbench/components/view-frame";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TDisciplineFunnelDto, TFunnelDto } from "@/lib/api-types";
import { dropReasonLabel, failureLabel } from "../lib/corpus-labels";
import { CountBars, FunnelBars } from "./funnel-bars";
import { formatCount, formatPercent } from "@/i18n/format";

const ALL = "__all__";

function keptShare(f: TDisciplineFunnelDto): number {
  return f.stages.find((s) => s.stage === "kept")?.rate ?? 0;
}

function DisciplineTable({ funnel, selected, onSelect }: { funnel: TFunnelDto; selected: string; onSelect: (d: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const rows = [funnel.total, ...funnel.disciplines];
  const count = (f: TDisciplineFunnelDto, stage: string) => formatCount(f.stages.find((s) => s.stage === stage)?.count ?? 0, locale);
  return (
    <table className="w-full text-[13px]">
      <thead className="text-left text-[11px] text-muted uppercase">
        <tr>
          <th scope="col" className="py-1 font-medium">{t("corpus.funnel.discipline")}</th>
          {(["documents", "parsed", "chunks", "kept"] as const).map((stage) => (
            <th key={stage} scope="col" className="py-1 text-right font-medium">{t(`corpus.funnel.stage.${stage}`)}</th>
          ))}
          <th scope="col" className="py-1 text-right font-medium">{t("corpus.funnel.keptShare")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((f, i) => {
          const key = i === 0 ? ALL : f.discipline;
          return (
            <tr key={key} className={cx("border-t border-line/60", key === selected && "bg-selected-muted")}>
              <th scope="row" className="py-1 text-left font-normal">
                <button type="button" className="text-link hover:underline" aria-pressed={key === selected} onClick={() => onSelect(key)}>
                  {i === 0 ? t("corpus.funnel.allDisciplines") : f.discipline}
                </button>
              </th>
              {(["documents", "parsed", "chunks", "kept"] as const).map((stage) => (
                <td key={stage} className="py-1 text-right tabular-nums">{count(f, stage)}</td>
              ))}
              <td className="py-1 text-right tabular-nums">{formatPercent(keptShare(f), locale)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The funnel for all documents or one discipline, with what was dropped and what failed. */
export function FunnelView({ funnel, isPending, error, onRetry }: { funnel: TFunnelDto | undefined; isPending: boolean; error: unknown; onRetry: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [selected, setSelected] = useState(ALL);

  if (isPending) return <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("corpus.funnel.loading")}</p>;
  if (error || !funnel) return <ErrorMessage error={error} onRetry={onRetry} />;
  if (funnel.total.stages[0]?.count === 0 && funnel.total.pendingDocuments === 0) {
    return (
      <EmptyState icon="funnel" title={t("corpus.funnel.emptyTitle")} className="rounded-md border border-dashed border-line-strong">
        {t("corpus.funnel.emptyBody")}
      </EmptyState>
    );
  }
  const current = selected === ALL ? funnel.total : (funnel.disciplines.find((d) => d.discipline === selected) ?? funnel.total);
  const dropped = current.droppedChunks.map((d) => ({ key: d.reason, label: dropReasonLabel(d.reason, t), count: d.count }));
  const failed = current.failedDocuments.map((f) => ({ key: f.code, label: failureLabel(f.code, t), count: f.count, title: f.code }));

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-[13px] text-strong">
          {t("corpus.funnel.discipline")}
          <select value={selected} onChange={(event) => setSelected(event.target.value)} className={cx(CONTROL_CLASS, "h-7 w-auto!")}>
            <option value={ALL}>{t("corpus.funnel.allDisciplines")}</option>
            {funnel.disciplines.map((d) => (
              <option key={d.discipline} value={d.discipline}>{d.discipline}</option>
            ))}
          </select>
        </label>
        {current.pendingDocuments > 0 ? (
          <span className="text-xs text-warning">{t("corpus.funnel.pending", { count: formatCount(current.pendingDocuments, locale) })}</span>
        ) : null}
      </div>
      <Card title={selected === ALL ? t("corpus.funnel.titleAll") : t("corpus.funnel.titleOne", { discipline: current.discipline })}>
        <FunnelBars funnel={current} />
      </Card>
      <div className="grid gap-4 xl:grid-cols-2">
        <Card title={t("corpus.funnel.dropReasons")}>
          {dropped.length ? (
            <CountBars items={dropped} label={t("corpus.funnel.dropReasons")} tone="warning" testId="corpus-drop-reasons" />
          ) : (
            <p className="text-[13px] text-muted">{t("corpus.funnel.noDrops")}</p>
          )}
        </Card>
        <Card title={t("corpus.funnel.failures")}>
          {failed.length ? (
            <CountBars items={failed} label={t("corpus.funnel.failures")} tone="danger" testId="corpus-failures" />
          ) : (
            <p className="text-[13px] text-muted">{t("corpus.funnel.noFailures")}</p>
          )}
        </Card>
      </div>
      {funnel.disciplines.length > 1 ? (
        <Card title={t("corpus.funnel.byDiscipline")}>
          <DisciplineTable funnel={funnel} selected={selected} onSelect={setSelected} />
        </Card>
      ) : null}
    </div>
  );
}
