"use client";

import { Badge, type TTone } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { operatorLabel } from "@/features/benchmarks/lib/labels";
import { QuoteText } from "@/features/knowledge/components/quote-text";
import { RelationTypeBadge } from "@/features/knowledge/components/relation-type-badge";
import { optionVerdicts } from "@/features/evaluation/lib/result-view";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TFailureTraceDto } from "@/lib/api-types";
import { teachingLevel, type TTeaching } from "../lib/trace-view";
import { TraceNone, TraceStep } from "./trace-step";

const TEACHING_TONE: Record<TTeaching, TTone> = { untaught: "danger", weak: "warning", taught: "success" };

function TaughtBy({ count, minSamples }: { count: number; minSamples: number }) {
  const t = useT();
  const { locale } = useLocale();
  const level = teachingLevel(count, minSamples);
  return (
    <Badge tone={TEACHING_TONE[level]}>
      <span data-testid="debugger-taught-by" data-count={count} data-level={level}>
        {level === "untaught" ? t("debugger.trace.neverTaught") : t("debugger.trace.taughtBy", { count: formatCount(count, locale) })}
      </span>
    </Badge>
  );
}

/** Steps 1–4 of the trace: the failed item with the model's answer, its chain, the relations and concepts it tests. */
export function TraceKnowledge({ trace, minSamples }: { trace: TFailureTraceDto; minSamples: number }) {
  const t = useT();
  const { locale } = useLocale();
  const verdicts = optionVerdicts(trace.item, trace.result?.parsed ?? null);
  return (
    <>
      <TraceStep order={1} icon="tester" title={t("debugger.trace.item", { number: trace.item.position + 1 })} testId="debugger-trace-item" tone="danger">
        <p className="text-[13px] leading-5 whitespace-pre-wrap text-strong" data-testid="debugger-trace-question">{trace.item.question}</p>
        <ul className="flex flex-col gap-1">
          {verdicts.map((v) => (
            <li key={v.label} data-gold={v.gold} data-chosen={v.chosen}
              className={cx("flex items-start gap-2 rounded-sm border px-2 py-1 text-xs", v.gold ? "border-success/50 bg-success/5" : v.chosen ? "border-danger/50 bg-danger/5" : "border-line")}>
              <span className="font-mono font-semibold">{v.label}</span>
              <span className="min-w-0 flex-1 whitespace-pre-wrap">{v.text}</span>
              {v.gold ? <Badge tone="success">{t("debugger.trace.gold")}</Badge> : null}
              {v.chosen && !v.gold ? <Badge tone="danger">{t("debugger.trace.chosen")}</Badge> : null}
              {v.operator ? <Badge>{operatorLabel(v.operator, t)}</Badge> : null}
            </li>
          ))}
        </ul>
        {trace.result ? (
          <details className="text-xs">
            <summary className="cursor-pointer text-muted">{t("debugger.trace.raw")}</summary>
            <pre className="mt-1 max-h-40 overflow-auto rounded-sm border border-line bg-sidebar/50 p-2 whitespace-pre-wrap" data-testid="debugger-trace-raw">{trace.result.raw}</pre>
          </details>
        ) : null}
      </TraceStep>
      <TraceStep order={2} icon="chain" title={t("debugger.trace.chain")} testId="debugger-trace-chain">
        {trace.chain ? (
          <>
            <p className="text-[13px] font-medium text-strong">{trace.chain.title}</p>
            <ol className="flex list-decimal flex-col gap-0.5 pl-5 text-xs text-fg">
              {trace.chain.steps.map((s) => <li key={s.order}>{s.text}</li>)}
            </ol>
          </>
        ) : <TraceNone>{t("debugger.trace.noChain")}</TraceNone>}
      </TraceStep>
      <TraceStep order={3} icon="relation" title={t("debugger.trace.relations")} count={formatCount(trace.relations.length, locale)} testId="debugger-trace-relations">
        {trace.relations.length === 0 ? <TraceNone>{t("debugger.trace.none")}</TraceNone> : (
          <ul className="flex flex-col gap-2">
            {trace.relations.map((r) => (
              <li key={r.id} className="flex flex-col gap-1 rounded-sm border border-line px-2 py-1.5" data-testid="debugger-trace-relation">
                <span className="flex flex-wrap items-center gap-1 text-xs text-strong">
                  <span className="font-medium">{r.subject.term}</span>
                  <RelationTypeBadge type={r.type} negated={r.negated} />
                  <span className="font-medium">{r.object.term}</span>
                  <span className="ml-auto"><TaughtBy count={r.taughtBy} minSamples={minSamples} /></span>
                </span>
                <QuoteText relation={r} />
              </li>
            ))}
          </ul>
        )}
      </TraceStep>
      <TraceStep order={4} icon="knowledge" title={t("debugger.trace.concepts")} count={formatCount(trace.concepts.length, locale)} testId="debugger-trace-concepts">
        {trace.concepts.length === 0 ? <TraceNone>{t("debugger.trace.none")}</TraceNone> : (
          <ul className="flex flex-wrap gap-1.5">
            {trace.concepts.map((c) => (
              <li key={c.id} className="flex items-center gap-1.5 rounded-full border border-success/50 px-2 py-0.5 text-xs" data-testid="debugger-trace-concept">
                <span className="font-medium text-strong">{c.term}</span>
                <span className="text-muted">{c.type}</span>
                <TaughtBy count={c.taughtBy} minSamples={minSamples} />
              </li>
            ))}
          </ul>
        )}
      </TraceStep>
    </>
  );
}
