"use client";

import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { ProgressBar } from "@/components/ui/progress-bar";
import { CountBars } from "@/features/benchmarks/components/count-bars";
import { operatorLabel } from "@/features/benchmarks/lib/labels";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TDiagnosisRunDetailDto } from "@/lib/api-types";
import { DIAGNOSIS_REVIEWS, reviewText } from "../lib/labels";
import { disciplineRows, nodeBars, operatorBars, reviewProgress } from "../lib/run-view";
import { Calibration } from "./calibration";

function Panel({ title, children, testId, className }: { title: string; children: ReactNode; testId?: string; className?: string }) {
  return (
    <section className={cx("flex min-w-0 flex-col gap-2 rounded-md border border-line p-3", className)} data-testid={testId}>
      <h4 className="text-xs font-semibold text-strong uppercase">{title}</h4>
      {children}
    </section>
  );
}

/**
 * A finished run at a glance: failures per class, review progress and the judge's calibration, and
 * where failures cluster (per discipline, the operator that fooled the model, the nodes behind them).
 */
export function RunSummary({ detail }: { detail: TDiagnosisRunDetailDto }) {
  const t = useT();
  const { locale } = useLocale();
  const { run, aggregates } = detail;
  const counts = run.counts ?? { failed: 0, concept_gap: 0, reasoning_deficit: 0, abstained: 0 };
  const progress = reviewProgress(run.review);
  const disciplines = disciplineRows(aggregates);
  const nodeLabel = new Map(aggregates.byNode.map((n) => [`${n.nodeType}:${n.nodeId}`, `${t(`debugger.node.${n.nodeType}`)} · ${n.label}`]));
  const figures: [string, string, number][] = [
    ["failed", t("debugger.counts.failed"), counts.failed],
    ["concept_gap", t("debugger.label.concept_gap"), counts.concept_gap],
    ["reasoning_deficit", t("debugger.label.reasoning_deficit"), counts.reasoning_deficit],
    ["abstained", t("debugger.counts.abstained"), counts.abstained],
  ];
  return (
    <div className="grid gap-3 xl:grid-cols-3" data-testid="debugger-run-summary">
      <Panel title={t("debugger.counts.title")} testId="debugger-counts">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1.5">
          {figures.map(([id, label, value]) => (
            <div key={id} className="min-w-0" data-figure={id}>
              <dt className="truncate text-[11px] text-muted uppercase">{label}</dt>
              <dd className="text-lg font-semibold text-strong tabular-nums" data-testid={`debugger-count-${id}`}>{formatCount(value, locale)}</dd>
            </div>
          ))}
        </dl>
        <p className="text-[11px] text-muted">
          {t("debugger.run.settings", { judge: run.judge.kind === "builtin" ? t("debugger.diagnose.judgeBuiltin") : (run.judge.providerName ?? "?"), minSamples: run.settings.minSamples, abstain: run.settings.abstainBelow })}
        </p>
      </Panel>
      <Panel title={t("debugger.reviewProgress.title")} testId="debugger-review-progress">
        <p className="text-[13px] text-strong tabular-nums" data-testid="debugger-reviewed" data-reviewed={progress.reviewed}>
          {t("debugger.reviewProgress.value", { reviewed: formatCount(progress.reviewed, locale), total: formatCount(progress.total, locale) })}
        </p>
        <ProgressBar value={progress.share} tone="success" label={t("debugger.reviewProgress.title")} />
        <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
          {DIAGNOSIS_REVIEWS.map((state) => (
            <div key={state} className="flex items-baseline gap-1.5">
              <dt className="text-muted">{reviewText(state, t)}</dt>
              <dd className="font-medium text-strong tabular-nums" data-testid={`debugger-review-${state}`}>{formatCount(run.review[state], locale)}</dd>
            </div>
          ))}
        </dl>
      </Panel>
      <Calibration review={run.review} />
      <Panel title={t("debugger.aggregates.discipline")} testId="debugger-by-discipline">
        {disciplines.rows.length === 0 ? <p className="text-xs text-muted">{t("debugger.aggregates.none")}</p> : (
          <ul aria-label={t("debugger.aggregates.discipline")} className="flex flex-col gap-1">
            {disciplines.rows.map((row) => (
              <li key={row.discipline} className="grid grid-cols-[minmax(6rem,10rem)_1fr_6rem] items-center gap-3 text-[13px]">
                <span className="truncate text-fg" title={row.discipline}>{row.discipline}</span>
                <span className="flex h-2.5 overflow-hidden rounded-sm bg-line-strong/40" aria-hidden="true">
                  <span className="block h-full bg-warning" style={{ width: `${(row.gap / disciplines.max) * 100}%` }} />
                  <span className="block h-full bg-info" style={{ width: `${(row.deficit / disciplines.max) * 100}%` }} />
                </span>
                <span className="text-right text-xs text-strong tabular-nums" title={t("debugger.aggregates.split", { gap: row.gap, deficit: row.deficit })}>
                  {formatCount(row.gap, locale)} / {formatCount(row.deficit, locale)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="flex gap-3 text-[11px] text-muted">
          <span className="flex items-center gap-1"><span className="inline-block h-2 w-2 rounded-sm bg-warning" />{t("debugger.label.concept_gap")}</span>
          <span className="flex items-center gap-1"><span className="inline-block h-2 w-2 rounded-sm bg-info" />{t("debugger.label.reasoning_deficit")}</span>
        </p>
      </Panel>
      <Panel title={t("debugger.aggregates.operator")} testId="debugger-by-operator">
        {aggregates.byOperator.length === 0 ? <p className="text-xs text-muted">{t("debugger.aggregates.noOperator")}</p>
          : <CountBars rows={operatorBars(aggregates)} label={t("debugger.aggregates.operator")} format={(op) => operatorLabel(op, t)} tone="info" />}
      </Panel>
      <Panel title={t("debugger.aggregates.node")} testId="debugger-by-node">
        {aggregates.byNode.length === 0 ? <p className="text-xs text-muted">{t("debugger.aggregates.none")}</p>
          : <div className="max-h-56 overflow-auto"><CountBars rows={nodeBars(aggregates).slice(0, 15)} label={t("debugger.aggregates.node")} format={(key) => nodeLabel.get(key) ?? key} /></div>}
      </Panel>
    </div>
  );
}
