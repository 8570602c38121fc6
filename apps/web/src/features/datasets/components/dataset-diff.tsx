"use client";

import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { SelectField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { isUsable } from "@/features/benchmarks/lib/artifact-status";
import { StatTile } from "@/features/knowledge/components/report-charts";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TDatasetDto, TSampleDto } from "@/lib/api-types";
import { useDatasetDiff } from "../hooks/use-dataset-diff";
import { sampleExchange } from "../lib/dataset-view";
import { sampleTypeLabel } from "../lib/labels";

function SampleList({ title, samples, total, tone, testId }: { title: string; samples: TSampleDto[]; total: number; tone: "success" | "danger"; testId: string }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section className="flex min-w-0 flex-col gap-1.5" data-testid={testId}>
      <h4 className="text-[11px] font-semibold text-muted uppercase">{title}</h4>
      {samples.length === 0 ? <p className="text-xs text-muted">{t("datasets.diff.none")}</p> : (
        <ul className="flex flex-col gap-1">
          {samples.map((s) => (
            <li key={s.id} className={cx("flex min-w-0 items-center gap-2 rounded-sm border-l-2 px-2 py-1 text-xs", tone === "success" ? "border-success" : "border-danger")}>
              <Badge>{sampleTypeLabel(s.type, t)}</Badge>
              <span className="min-w-0 flex-1 truncate text-fg" title={sampleExchange(s).question}>{sampleExchange(s).question}</span>
            </li>
          ))}
        </ul>
      )}
      {total > samples.length ? <p className="text-[11px] text-muted">{t("datasets.diff.more", { count: formatCount(total - samples.length, locale) })}</p> : null}
    </section>
  );
}

/** This version against another one: samples added, removed and kept, per type, and the first of each. */
export function DatasetDiff({ dataset, datasets, againstId, onAgainst }: { dataset: TDatasetDto; datasets: TDatasetDto[]; againstId: string | null; onAgainst: (id: string | null) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId } = useWorkbench();
  const others = datasets.filter((d) => d.id !== dataset.id && isUsable(d));
  const against = others.find((d) => d.id === againstId) ?? null;
  const diff = useDatasetDiff(projectId, dataset.id, against?.id ?? null);

  if (others.length === 0) {
    return <EmptyState icon="database" title={t("datasets.diff.noOtherTitle")} className="rounded-md border border-dashed border-line-strong">{t("datasets.diff.noOtherBody")}</EmptyState>;
  }
  return (
    <div className="flex flex-col gap-3 overflow-auto" data-testid="dataset-diff">
      <SelectField label={t("datasets.diff.against")} value={against?.id ?? ""} onChange={(event) => onAgainst(event.target.value || null)} containerClassName="max-w-sm">
        <option value="">{t("datasets.diff.pick")}</option>
        {others.map((d) => <option key={d.id} value={d.id}>V{d.number} {d.name}</option>)}
      </SelectField>
      {!against ? null : diff.isPending ? (
        <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("datasets.diff.loading")}</p>
      ) : diff.isError ? (
        <ErrorMessage error={diff.error} onRetry={() => void diff.refetch()} />
      ) : (
        <>
          <p className="text-[13px] text-fg">{t("datasets.diff.summary", { from: diff.data.from.number, to: diff.data.to.number })}</p>
          <dl className="grid grid-cols-3 gap-2">
            <StatTile label={t("datasets.diff.added")} value={formatCount(diff.data.added, locale)} testId="dataset-diff-added" />
            <StatTile label={t("datasets.diff.removed")} value={formatCount(diff.data.removed, locale)} testId="dataset-diff-removed" />
            <StatTile label={t("datasets.diff.kept")} value={formatCount(diff.data.kept, locale)} testId="dataset-diff-kept" />
          </dl>
          {diff.data.byType.length ? (
            <table className="w-full max-w-xl text-[13px]">
              <caption className="sr-only">{t("datasets.diff.byType")}</caption>
              <thead>
                <tr className="border-b border-line text-[11px] text-muted uppercase">
                  <th scope="col" className="px-2 py-1 text-left font-medium">{t("datasets.types.type")}</th>
                  <th scope="col" className="px-2 py-1 text-right font-medium">{t("datasets.diff.added")}</th>
                  <th scope="col" className="px-2 py-1 text-right font-medium">{t("datasets.diff.removed")}</th>
                </tr>
              </thead>
              <tbody>
                {diff.data.byType.map((row) => (
                  <tr key={row.type} className="border-b border-line/50">
                    <th scope="row" className="px-2 py-1 text-left font-normal">{sampleTypeLabel(row.type, t)}</th>
                    <td className="px-2 py-1 text-right text-success tabular-nums">+{formatCount(row.added, locale)}</td>
                    <td className="px-2 py-1 text-right text-danger tabular-nums">−{formatCount(row.removed, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <div className="grid gap-3 lg:grid-cols-2">
            <SampleList title={t("datasets.diff.addedSamples")} samples={diff.data.addedSamples} total={diff.data.added} tone="success" testId="dataset-diff-added-list" />
            <SampleList title={t("datasets.diff.removedSamples")} samples={diff.data.removedSamples} total={diff.data.removed} tone="danger" testId="dataset-diff-removed-list" />
          </div>
        </>
      )}
    </div>
  );
}
