"use client";

import type { ReactNode } from "react";
import { Icon } from "@/components/icons";
import { Badge } from "@/components/ui/badge";
import { IconButton } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { DetailQuery } from "@/components/ui/detail-query";
import { ErrorMessage } from "@/components/ui/error-message";
import { operatorLabel } from "@/features/benchmarks/lib/labels";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import { useEvaluationResult } from "../hooks/use-evaluation-result";
import { methodLabel } from "../lib/labels";
import { chosenOperators, optionVerdicts } from "../lib/result-view";
import { OutcomeBadge } from "./outcome-badge";

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="flex flex-col gap-1.5" data-testid={testId}>
      <h4 className="text-[11px] font-semibold text-muted uppercase">{title}</h4>
      {children}
    </section>
  );
}

/**
 * One answered item: the question, each option marked gold and/or chosen (a chosen distractor with
 * its operator and what it changed), the answer read from the reply beside the gold one, and the
 * model's raw reply — as text, never as HTML: a model's output is untrusted.
 */
export function ResultDetail({ evaluationId, itemId, onClose }: { evaluationId: string; itemId: string; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId } = useWorkbench();
  const detail = useEvaluationResult(projectId, evaluationId, itemId);
  const result = detail.data?.result;
  const verdicts = detail.data ? optionVerdicts(detail.data.item, detail.data.result.parsed) : [];
  const fooled = chosenOperators(verdicts);
  const title = result ? t("benchmarks.detail.label", { number: result.position + 1 }) : t("benchmarks.detail.loading");

  return (
    <aside
      aria-label={title}
      data-testid="evaluation-result-detail"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !event.defaultPrevented) onClose();
      }}
      className="flex min-h-0 w-full flex-col overflow-hidden rounded-md border border-line bg-sidebar/40 lg:w-[34rem] lg:shrink-0 2xl:w-[44rem]"
    >
      <header className="flex items-start gap-2 border-b border-line px-3 py-2">
        <div className="min-w-0 flex-1">
          <h3 className="text-base font-semibold text-strong">{title}</h3>
          {result ? (
            <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-muted">
              <OutcomeBadge correct={result.correct} error={result.error} />
              <span>{result.discipline}</span>
              <span>· {t("benchmarks.detail.difficulty", { level: result.level, length: result.chainLength })}</span>
              <span>· {t("evaluation.detail.latency", { ms: formatCount(result.latencyMs, locale) })}</span>
            </div>
          ) : null}
        </div>
        <IconButton icon="close" label={t("common.close")} onClick={onClose} autoFocus />
      </header>
      <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-auto px-3 py-3">
        <DetailQuery query={detail} loading={t("benchmarks.detail.loading")} goneTitle={t("evaluation.detail.goneTitle")} goneBody={t("evaluation.detail.goneBody")}>
          {({ result }) => (
            <>
              <Section title={t("benchmarks.items.question")}>
                <p className="text-[13px] whitespace-pre-wrap text-strong" data-testid="evaluation-detail-question">{result.question}</p>
              </Section>
              <Section title={t("evaluation.detail.options")}>
                <ul className="flex flex-col gap-1.5">
                  {verdicts.map((v) => (
                    <li key={v.label} data-testid="evaluation-option" data-gold={v.gold} data-chosen={v.chosen}
                      className={cx("flex flex-col gap-1 rounded-md border p-2 text-[13px]", v.gold ? "border-success/50 bg-success/5" : v.chosen ? "border-danger/50 bg-danger/5" : "border-line")}>
                      <p className="flex items-start gap-2">
                        <span className={cx("mt-px flex h-5 w-5 shrink-0 items-center justify-center rounded-sm border text-xs font-semibold", v.gold ? "border-success text-success" : "border-line-strong text-muted")}>{v.label}</span>
                        <span className="min-w-0 flex-1 break-words text-fg">{v.text}</span>
                      </p>
                      <span className="flex flex-wrap gap-1 pl-7">
                        {v.gold ? <Badge tone="success"><Icon name="check" size={11} />{t("evaluation.detail.gold")}</Badge> : null}
                        {v.chosen ? <Badge tone={v.gold ? "success" : "danger"}>{t("evaluation.detail.chosen")}</Badge> : null}
                        {v.operator ? <Badge tone="info">{operatorLabel(v.operator, t)}</Badge> : null}
                      </span>
                      {v.chosen && !v.gold && v.changed ? <p className="pl-7 text-xs text-fg"><span className="text-muted">{t("benchmarks.detail.changed")} </span>{v.changed}</p> : null}
                    </li>
                  ))}
                </ul>
              </Section>
              <Section title={t("evaluation.detail.answer")} testId="evaluation-detail-answer">
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
                  <dt className="text-muted">{t("evaluation.detail.parsed")}</dt>
                  <dd className={cx("font-mono", result.correct ? "text-success" : "text-danger")} data-testid="evaluation-detail-parsed">{result.parsed ?? t("evaluation.detail.unparsed")}</dd>
                  <dt className="text-muted">{t("evaluation.detail.goldAnswer")}</dt>
                  <dd className="font-mono text-strong">{result.answer}</dd>
                  <dt className="text-muted">{t("evaluation.detail.method")}</dt>
                  <dd className="text-fg">{methodLabel(result.method, t)}</dd>
                  <dt className="text-muted">{t("evaluation.results.fooledBy")}</dt>
                  <dd className="flex flex-wrap gap-1">{fooled.length ? fooled.map((op) => <Badge key={op} tone="danger">{operatorLabel(op, t)}</Badge>) : <span className="text-muted">—</span>}</dd>
                </dl>
              </Section>
              {result.error ? <ErrorMessage message={result.error} /> : null}
              <Section title={t("evaluation.detail.raw")}>
                <pre className="max-h-96 overflow-auto rounded-sm border border-line bg-surface p-2 font-mono text-xs whitespace-pre-wrap break-words text-fg" data-testid="evaluation-detail-raw">{result.raw || t("evaluation.detail.rawEmpty")}</pre>
              </Section>
            </>
          )}
        </DetailQuery>
      </div>
    </aside>
  );
}
