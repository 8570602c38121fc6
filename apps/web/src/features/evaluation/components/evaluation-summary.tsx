"use client";

import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { CountBars } from "@/features/benchmarks/components/count-bars";
import { operatorLabel } from "@/features/benchmarks/lib/labels";
import { formatCount, formatPercent } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TEvaluationDto } from "@/lib/api-types";
import { breakdownRows, fooledByRows } from "../lib/leaderboard";
import { AccuracyBars } from "./accuracy-bars";

function Figure({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="flex flex-col rounded-md border border-line bg-sidebar/60 px-3 py-2">
      <dt className="text-[11px] text-muted uppercase">{label}</dt>
      <dd className="text-lg font-semibold text-strong tabular-nums" data-testid={testId}>{value}</dd>
    </div>
  );
}

function Breakdown({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h4 className="text-[11px] font-semibold text-muted uppercase">{title}</h4>
      {children}
    </section>
  );
}

/**
 * One evaluation's figures (accuracy, unparsed answers, tokens, cost) and its accuracy per level,
 * chain length and distractor operator, with the operators the model fell for most.
 */
export function EvaluationSummary({ evaluation }: { evaluation: TEvaluationDto }) {
  const t = useT();
  const { locale } = useLocale();
  const summary = evaluation.summary;
  if (!summary) {
    return (
      <EmptyState icon="evaluation" title={t("evaluation.summary.noneTitle")} className="rounded-md border border-dashed border-line-strong">
        {evaluation.status === "building" ? t("evaluation.summary.building") : t("evaluation.summary.noneBody")}
      </EmptyState>
    );
  }
  const rows = (record: Record<string, { items: number; correct: number; accuracy: number }>, label: (key: string) => string) =>
    breakdownRows(record).map((r) => ({ key: r.key, label: label(r.key), accuracy: r.accuracy, correct: r.correct, items: r.items }));
  const fooled = fooledByRows(summary.fooledBy);
  const s = evaluation.settings;
  return (
    <div className="flex flex-col gap-5 overflow-auto" data-testid="evaluation-summary">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Figure label={t("evaluation.summary.accuracy")} value={formatPercent(summary.total.accuracy, locale)} testId="evaluation-accuracy" />
        <Figure label={t("evaluation.summary.correct")} value={`${formatCount(summary.total.correct, locale)} / ${formatCount(summary.total.items, locale)}`} />
        <Figure label={t("evaluation.summary.unparsed")} value={formatCount(summary.unparsed, locale)} />
        <Figure label={t("evaluation.summary.tokens")} value={`${formatCount(evaluation.promptTokens + evaluation.completionTokens, locale)}${evaluation.costUsd > 0 ? ` · $${evaluation.costUsd.toFixed(4)}` : ""}`} />
      </dl>
      <p className="text-xs text-muted">
        {t("evaluation.summary.settings", { concurrency: s.concurrency, temperature: s.temperature, maxTokens: s.maxTokens, retries: s.maxRetries, limit: s.limit === null ? t("evaluation.form.limitAll") : s.limit })}
      </p>
      <div className="grid gap-5 xl:grid-cols-2">
        <Breakdown title={t("evaluation.summary.byDiscipline")}>
          <AccuracyBars label={t("evaluation.summary.byDiscipline")} rows={rows(summary.byDiscipline, (k) => k)} testId="evaluation-by-discipline" />
        </Breakdown>
        <Breakdown title={t("evaluation.summary.byLevel")}>
          <AccuracyBars label={t("evaluation.summary.byLevel")} rows={rows(summary.byLevel, (k) => t("evaluation.summary.level", { level: k }))} testId="evaluation-by-level" />
        </Breakdown>
        <Breakdown title={t("evaluation.summary.byChainLength")}>
          <AccuracyBars label={t("evaluation.summary.byChainLength")} rows={rows(summary.byChainLength, (k) => t("evaluation.summary.chainLength", { length: k }))} testId="evaluation-by-chain" />
        </Breakdown>
        <Breakdown title={t("evaluation.summary.byOperator")}>
          <AccuracyBars label={t("evaluation.summary.byOperator")} rows={rows(summary.byOperator, (k) => operatorLabel(k, t))} testId="evaluation-by-operator" />
        </Breakdown>
        <Breakdown title={t("evaluation.summary.fooledBy")}>
          {fooled.length ? (
            <CountBars label={t("evaluation.summary.fooledBy")} rows={fooled} format={(k) => operatorLabel(k, t)} tone="info" testId="evaluation-fooled-by" />
          ) : (
            <p className="text-xs text-muted">{t("evaluation.summary.fooledNone")}</p>
          )}
        </Breakdown>
      </div>
    </div>
  );
}
