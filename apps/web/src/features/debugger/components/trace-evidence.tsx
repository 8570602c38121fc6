"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { operatorLabel } from "@/features/benchmarks/lib/labels";
import { formatCount, formatPercent } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TFailureTraceDto } from "@/lib/api-types";
import { diagnosisLabelText, LABEL_TONE } from "../lib/labels";
import { nodeNames } from "../lib/trace-view";
import { ClassBadge, ReviewStateBadge } from "./diagnosis-badges";
import { ReviewPanel } from "./review-panel";
import { SampleList } from "./trace-samples";
import { TraceNone, TraceStep } from "./trace-step";

function NodeList({ label, ids, name }: { label: string; ids: string[]; name: (id: string) => string }) {
  if (ids.length === 0) return null;
  return (
    <div className="text-xs">
      <dt className="text-muted">{label}</dt>
      <dd><ul className="list-disc pl-4 text-fg">{ids.map((id) => <li key={id}>{name(id)}</li>)}</ul></dd>
    </div>
  );
}

/**
 * Steps 5–8 of the trace: the source chunks (quoted as text), the training samples that taught these
 * nodes, the diagnosis with its evidence, the judge's verdict and the review actions, and the patch
 * samples of a V2 built from this run.
 */
export function TraceEvidence({ trace, runId, canReview, onPlanPatch }: { trace: TFailureTraceDto; runId: string; canReview: boolean; onPlanPatch?: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const d = trace.diagnosis;
  const name = nodeNames(trace);
  return (
    <>
      <TraceStep order={5} icon="file" title={t("debugger.trace.chunks")} count={formatCount(trace.chunks.length, locale)} testId="debugger-trace-chunks">
        {trace.chunks.length === 0 ? <TraceNone>{t("debugger.trace.none")}</TraceNone> : trace.chunks.map((c) => (
          <figure key={c.id} className="flex flex-col gap-0.5" data-testid="debugger-trace-chunk">
            <figcaption className="truncate text-[11px] text-muted" title={c.documentName}>{c.documentName}</figcaption>
            <blockquote className="max-h-40 overflow-auto border-l-2 border-line-strong pl-2 text-xs leading-5 whitespace-pre-wrap text-fg">{c.text}</blockquote>
          </figure>
        ))}
      </TraceStep>
      <TraceStep order={6} icon="builder" title={t("debugger.trace.samples")} count={formatCount(trace.trainingSamples.length, locale)} testId="debugger-trace-samples">
        {trace.trainingSamples.length === 0
          ? <TraceNone>{t("debugger.trace.noSamples")}</TraceNone>
          : <><SampleList samples={trace.trainingSamples} testId="debugger-trace-sample" /><TraceNone>{t("debugger.trace.firstShown")}</TraceNone></>}
      </TraceStep>
      <TraceStep order={7} icon="debugger" title={t("debugger.trace.diagnosis")} testId="debugger-trace-diagnosis" tone="accent">
        <div className="flex flex-wrap items-center gap-2">
          <ClassBadge diagnosis={d} />
          <ReviewStateBadge diagnosis={d} />
        </div>
        <dl className="grid gap-1.5 text-xs">
          <div>
            <dt className="text-muted">{t("debugger.trace.structural")}</dt>
            <dd className="flex flex-wrap items-center gap-1.5">
              <Badge tone={LABEL_TONE[d.label]}>{diagnosisLabelText(d.label, t)}</Badge>
              <span className="tabular-nums">{t("debugger.trace.confidence", { value: formatPercent(d.confidence, locale) })}</span>
              <span className="text-muted">{t("debugger.trace.coverage", { value: formatPercent(d.evidence.relationCoverage, locale) })}</span>
            </dd>
          </div>
          <NodeList label={t("debugger.trace.untaughtRelations")} ids={d.evidence.untaughtRelations} name={name} />
          <NodeList label={t("debugger.trace.weakRelations")} ids={d.evidence.weakRelations} name={name} />
          <NodeList label={t("debugger.trace.untaughtConcepts")} ids={d.evidence.untaughtConcepts} name={name} />
          <NodeList label={t("debugger.trace.weakConcepts")} ids={d.evidence.weakConcepts} name={name} />
          {d.evidence.fooledBy.length ? (
            <div>
              <dt className="text-muted">{t("debugger.failures.operator")}</dt>
              <dd className="flex flex-wrap gap-1">{d.evidence.fooledBy.map((op) => <Badge key={op} tone="danger">{operatorLabel(op, t)}</Badge>)}</dd>
            </div>
          ) : null}
          <div data-testid="debugger-trace-judge">
            <dt className="text-muted">{t("debugger.trace.judge")}</dt>
            <dd className="flex flex-col gap-1">
              {d.judgeLabel ? (
                <span className="flex flex-wrap items-center gap-1.5">
                  <Badge tone={LABEL_TONE[d.judgeLabel]}>{diagnosisLabelText(d.judgeLabel, t)}</Badge>
                  {d.judgeConfidence !== null ? <span className="tabular-nums">{t("debugger.trace.confidence", { value: formatPercent(d.judgeConfidence, locale) })}</span> : null}
                </span>
              ) : null}
              {d.abstained ? <span className="text-warning">{t("debugger.trace.abstainedNote")}</span> : null}
              {d.judgeRationale ? <span className="whitespace-pre-wrap text-fg">{d.judgeRationale}</span> : !d.judgeLabel && !d.abstained ? <span className="text-muted">{t("debugger.trace.builtinJudge")}</span> : null}
            </dd>
          </div>
          {d.reviewNote ? (
            <div>
              <dt className="text-muted">{t("debugger.review.note")}</dt>
              <dd className="whitespace-pre-wrap text-fg">{d.reviewNote}</dd>
            </div>
          ) : null}
        </dl>
        {canReview ? <ReviewPanel key={d.id} runId={runId} diagnosis={d} /> : null}
      </TraceStep>
      <TraceStep order={8} icon="play" title={t("debugger.trace.patch")} count={formatCount(trace.patchSamples.length, locale)} testId="debugger-trace-patch" last>
        {trace.patchSamples.length === 0 ? (
          <div className="flex flex-wrap items-center gap-2">
            <TraceNone>{t("debugger.trace.noPatch")}</TraceNone>
            {onPlanPatch ? <Button size="sm" onClick={onPlanPatch}>{t("debugger.trace.planPatch")}</Button> : null}
          </div>
        ) : <SampleList samples={trace.patchSamples} testId="debugger-trace-patch-sample" />}
      </TraceStep>
    </>
  );
}
