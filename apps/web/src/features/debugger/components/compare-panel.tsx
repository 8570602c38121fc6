"use client";

import { useMemo, useState } from "react";
import { Badge, type TTone } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { CONTROL_CLASS, SelectField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { ErrorMessage } from "@/components/ui/error-message";
import { VirtualGrid } from "@/components/ui/virtual-grid";
import { evaluationName } from "@/features/evaluation/lib/labels";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatPercent } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TEvaluationDto } from "@/lib/api-types";
import { useDebuggerCompare } from "../hooks/use-debugger-compare";
import { formatPointChange } from "../lib/calibration";
import { comparableEvaluations, filterOutcomes, OUTCOME_FILTERS, type TOutcomeFilter, type TOutcomeRow } from "../lib/compare";
import { CompareFigures } from "./compare-figures";
import { GroupedBars } from "./grouped-bars";

const TONE: Record<TOutcomeRow["outcome"], TTone> = { fixed: "success", regressed: "danger", still_failing: "warning", passing: "neutral" };
const TEMPLATE = "grid-cols-[4rem_minmax(8rem,2fr)_8rem_6rem]";
const SERIES = [
  { key: "baseline", color: "var(--muted)" },
  { key: "candidate", color: "var(--accent)" },
  { key: "control", color: "var(--warning)" },
] as const;

export interface TComparePicks {
  baseline: string | null;
  candidate: string | null;
  control: string | null;
}

/**
 * V1 (baseline) against V2 (candidate) and the random control on one benchmark: accuracies and the
 * verdict, fixed / regressed / still failing, accuracy per discipline as grouped bars, the nodes
 * whose items changed most, and every item's outcome (Enter opens the candidate's result).
 */
export function ComparePanel({ evaluations, picks, onPicks, onOpenResult }: {
  evaluations: TEvaluationDto[];
  picks: TComparePicks;
  onPicks: (picks: TComparePicks) => void;
  onOpenResult: (evaluationId: string, itemId: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId } = useWorkbench();
  const [filter, setFilter] = useState<TOutcomeFilter>("changed");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const baseline = evaluations.find((e) => e.id === picks.baseline) ?? null;
  const sameBenchmark = comparableEvaluations(evaluations, baseline?.benchmarkId ?? null);
  const ids = picks.baseline && picks.candidate && picks.candidate !== picks.baseline ? { baseline: picks.baseline, candidate: picks.candidate, control: picks.control } : null;
  const compare = useDebuggerCompare(projectId, ids);
  const rows = useMemo(() => (compare.data ? filterOutcomes(compare.data.outcomes, filter) : []), [compare.data, filter]);
  const all = comparableEvaluations(evaluations, null);

  if (all.length < 2) {
    return <EmptyState icon="evaluation" title={t("debugger.compare.needTwoTitle")} className="rounded-md border border-dashed border-line-strong">{t("debugger.compare.needTwoBody")}</EmptyState>;
  }
  const options = (list: TEvaluationDto[]) => list.map((e) => <option key={e.id} value={e.id}>{evaluationName(e)} · {e.benchmarkName}</option>);
  const series = SERIES.filter((s) => s.key !== "control" || compare.data?.control).map((s) => ({ ...s, label: t(`debugger.compare.${s.key}`) }));
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3" data-testid="debugger-compare">
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label={t("debugger.compare.baseline")} value={picks.baseline ?? ""} onChange={(event) => onPicks({ baseline: event.target.value || null, candidate: null, control: null })} data-testid="debugger-compare-pick-baseline">
          <option value="">—</option>{options(all)}
        </SelectField>
        <SelectField label={t("debugger.compare.candidate")} value={picks.candidate ?? ""} onChange={(event) => onPicks({ ...picks, candidate: event.target.value || null })} data-testid="debugger-compare-pick-candidate">
          <option value="">—</option>{options(sameBenchmark.filter((e) => e.id !== picks.baseline))}
        </SelectField>
        <SelectField label={t("debugger.compare.controlOptional")} value={picks.control ?? ""} onChange={(event) => onPicks({ ...picks, control: event.target.value || null })} data-testid="debugger-compare-pick-control">
          <option value="">{t("debugger.compare.noControl")}</option>{options(sameBenchmark.filter((e) => e.id !== picks.baseline && e.id !== picks.candidate))}
        </SelectField>
      </div>
      {!ids ? <p className="text-xs text-muted">{t("debugger.compare.pick")}</p>
        : compare.isPending ? <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("debugger.compare.loading")}</p>
        : compare.isError ? <ErrorMessage error={compare.error} onRetry={() => void compare.refetch()} />
        : (
          <>
            <CompareFigures compare={compare.data} />
            <div className="grid gap-3 xl:grid-cols-2">
              <GroupedBars label={t("debugger.compare.byDiscipline")} testId="debugger-compare-disciplines" series={series}
                groups={compare.data.byDiscipline.map((d) => ({ key: d.discipline, label: d.discipline, values: [d.baseline, d.candidate, ...(compare.data.control ? [d.control] : [])] }))} />
              <section className="flex min-w-0 flex-col gap-1" data-testid="debugger-compare-nodes">
                <h4 className="text-xs font-medium text-strong">{t("debugger.compare.byNode")}</h4>
                <ul className="flex max-h-60 flex-col gap-0.5 overflow-auto text-xs">
                  {compare.data.byNode.slice(0, 25).map((n) => (
                    <li key={n.nodeId} className="grid grid-cols-[1fr_auto_4.5rem] items-center gap-2 border-b border-line/50 py-0.5">
                      <span className="truncate" title={n.label}><span className="text-muted">{t(`debugger.node.${n.nodeType}`)} · </span>{n.label}</span>
                      <span className="text-muted tabular-nums">{formatPercent(n.baseline, locale)} → {formatPercent(n.candidate, locale)}</span>
                      <span className={cx("text-right tabular-nums", n.candidate > n.baseline ? "text-success" : n.candidate < n.baseline ? "text-danger" : "text-muted")}>
                        {t("debugger.points", { value: formatPointChange(n.baseline, n.candidate) })}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            </div>
            <select aria-label={t("debugger.compare.filter")} value={filter} onChange={(event) => setFilter(event.target.value as TOutcomeFilter)} className={cx(CONTROL_CLASS, "h-7 w-48!")} data-testid="debugger-compare-filter">
              {OUTCOME_FILTERS.map((f) => <option key={f} value={f}>{t(`debugger.compare.filter.${f}`)}</option>)}
            </select>
            <VirtualGrid
              label={t("debugger.compare.items")}
              rows={rows}
              rowKey={(row: TOutcomeRow) => row.itemId}
              rowHeight={34}
              template={TEMPLATE}
              columns={[
                { id: "position", label: "#" },
                { id: "discipline", label: t("knowledge.discipline") },
                { id: "outcome", label: t("debugger.compare.outcome") },
                { id: "control", label: t("debugger.compare.control") },
              ]}
              query={{ isPending: false, isError: false, error: null, refetch: () => undefined, hasNextPage: false, isFetchingNextPage: false, fetchNextPage: () => undefined }}
              selectedId={selectedId}
              onSelect={(row) => setSelectedId(row.itemId)}
              onOpen={(row) => onOpenResult(compare.data.candidate.id, row.itemId)}
              idPrefix="debugger-compare-item"
              rowTestId="debugger-compare-row"
              hint={t("grid.hint")}
              empty={<EmptyState icon="search" title={t("debugger.compare.noneTitle")} className="rounded-md border border-dashed border-line-strong" />}
              renderRow={(row) => (
                <>
                  <span role="gridcell" className="text-xs text-muted tabular-nums">{row.position + 1}</span>
                  <span role="gridcell" className="truncate text-xs" title={row.discipline}>{row.discipline}</span>
                  <span role="gridcell"><Badge tone={TONE[row.outcome]}>{t(`debugger.outcome.${row.outcome}`)}</Badge></span>
                  <span role="gridcell" className="text-xs">{row.control === null ? "—" : row.control ? t("debugger.compare.right") : t("debugger.compare.wrong")}</span>
                </>
              )}
            />
          </>
        )}
    </div>
  );
}
