"use client";

import { useMemo, useState } from "react";
import { Badge, type TTone } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { CONTROL_CLASS, SelectField } from "@/components/ui/field";
import { VirtualGrid } from "@/components/ui/virtual-grid";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatCount, formatPercent } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TEvaluationDto } from "@/lib/api-types";
import { useCompareEvaluations } from "../hooks/use-compare-evaluations";
import { COMPARE_FILTERS, compareRows, outcomeCounts, sharedAccuracy, type TCompareFilter, type TCompareOutcome, type TCompareRow } from "../lib/compare";
import { evaluationName, outcomeLabel } from "../lib/labels";

const TONE: Record<TCompareOutcome, TTone> = { fixed: "success", regressed: "danger", passing: "neutral", failing: "warning", partial: "neutral" };
const TEMPLATE = "grid-cols-[3rem_minmax(16rem,4fr)_minmax(6rem,1fr)_7rem]";

/**
 * Two evaluations of one benchmark side by side: items fixed (wrong → right) and regressed
 * (right → wrong), accuracy on the items both answered, and the items themselves, filterable.
 */
export function CompareView({
  evaluations,
  beforeId,
  afterId,
  onChange,
  onOpenResult,
}: {
  evaluations: TEvaluationDto[];
  beforeId: string;
  afterId: string | null;
  onChange: (before: string, after: string | null) => void;
  onOpenResult: (evaluationId: string, itemId: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId } = useWorkbench();
  const [filter, setFilter] = useState<TCompareFilter>("changed");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const finished = evaluations.filter((e) => e.summary !== null);
  const after = afterId ?? finished.find((e) => e.id !== beforeId)?.id ?? null;
  const compare = useCompareEvaluations(projectId, after && after !== beforeId ? [beforeId, after] : null);
  const rows = useMemo(() => (compare.data ? compareRows(compare.data.items, filter) : []), [compare.data, filter]);
  const counts = compare.data ? outcomeCounts(compare.data.items) : null;
  const shared = compare.data ? sharedAccuracy(compare.data.items) : null;
  const query = { isPending: compare.isPending, isError: compare.isError, error: compare.error, refetch: compare.refetch, hasNextPage: false, isFetchingNextPage: false, fetchNextPage: () => undefined };

  if (finished.length < 2) {
    return <EmptyState icon="evaluation" title={t("evaluation.compare.needTwoTitle")} className="rounded-md border border-dashed border-line-strong">{t("evaluation.compare.needTwoBody")}</EmptyState>;
  }
  const options = finished.map((e) => <option key={e.id} value={e.id}>{evaluationName(e)}</option>);
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3" data-testid="evaluation-compare">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label={t("evaluation.compare.before")} value={beforeId} onChange={(event) => onChange(event.target.value, after)}>{options}</SelectField>
        <SelectField label={t("evaluation.compare.after")} value={after ?? ""} onChange={(event) => onChange(beforeId, event.target.value)}>{options}</SelectField>
      </div>
      {after === beforeId ? <p className="text-xs text-muted">{t("evaluation.compare.same")}</p> : null}
      {counts && shared ? (
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs">
          <div className="flex items-baseline gap-1.5"><dt className="text-muted">{outcomeLabel("fixed", t)}</dt><dd className="font-semibold text-success tabular-nums" data-testid="evaluation-compare-fixed">{formatCount(compare.data!.fixed, locale)}</dd></div>
          <div className="flex items-baseline gap-1.5"><dt className="text-muted">{outcomeLabel("regressed", t)}</dt><dd className="font-semibold text-danger tabular-nums" data-testid="evaluation-compare-regressed">{formatCount(compare.data!.regressed, locale)}</dd></div>
          <div className="flex items-baseline gap-1.5"><dt className="text-muted">{outcomeLabel("passing", t)}</dt><dd className="font-medium text-strong tabular-nums">{formatCount(counts.passing, locale)}</dd></div>
          <div className="flex items-baseline gap-1.5"><dt className="text-muted">{outcomeLabel("failing", t)}</dt><dd className="font-medium text-strong tabular-nums">{formatCount(counts.failing, locale)}</dd></div>
          <div className="flex items-baseline gap-1.5"><dt className="text-muted">{t("evaluation.compare.shared", { items: formatCount(shared.items, locale) })}</dt>
            <dd className="font-medium text-strong tabular-nums">{formatPercent(shared.before, locale)} → {formatPercent(shared.after, locale)}</dd></div>
        </dl>
      ) : null}
      <select aria-label={t("evaluation.compare.filter")} value={filter} onChange={(event) => setFilter(event.target.value as TCompareFilter)} className={cx(CONTROL_CLASS, "h-7 w-48!")}>
        {COMPARE_FILTERS.map((f) => <option key={f} value={f}>{t(`evaluation.compare.filter.${f}`)}</option>)}
      </select>
      {after && after !== beforeId ? (
        <VirtualGrid
          label={t("evaluation.compare.items")}
          rows={rows}
          rowKey={(row: TCompareRow) => row.itemId}
          rowHeight={36}
          template={TEMPLATE}
          columns={[
            { id: "position", label: "#" },
            { id: "question", label: t("benchmarks.items.question") },
            { id: "discipline", label: t("knowledge.discipline") },
            { id: "outcome", label: t("evaluation.compare.outcome") },
          ]}
          query={query}
          selectedId={selectedId}
          onSelect={(row) => setSelectedId(row.itemId)}
          onOpen={(row) => onOpenResult(after, row.itemId)}
          idPrefix="evaluation-compare-item"
          rowTestId="evaluation-compare-row"
          hint={t("grid.hint")}
          empty={<EmptyState icon="search" title={t("evaluation.compare.noneTitle")} className="rounded-md border border-dashed border-line-strong" />}
          renderRow={(row) => (
            <>
              <span role="gridcell" className="text-xs text-muted tabular-nums">{row.position + 1}</span>
              <span role="gridcell" className="truncate text-strong" title={row.question}>{row.question}</span>
              <span role="gridcell" className="truncate text-xs" title={row.discipline}>{row.discipline}</span>
              <span role="gridcell"><Badge tone={TONE[row.outcome]}>{outcomeLabel(row.outcome, t)}</Badge></span>
            </>
          )}
        />
      ) : null}
    </div>
  );
}
