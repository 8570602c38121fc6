"use client";

import { IconButton } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { Spinner } from "@/components/ui/spinner";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import { useFailureTrace } from "../hooks/use-failure-trace";
import { TraceEvidence } from "./trace-evidence";
import { TraceKnowledge } from "./trace-knowledge";

/**
 * The failure trace of one diagnosis as a stepped, top-to-bottom path: item → chain → relations →
 * concepts → source chunks → the training samples that taught them → diagnosis (with the review
 * actions) → patch samples. Everything is text (no HTML from the corpus or the model). Escape closes.
 */
export function FailureTrace({ runId, diagnosisId, minSamples, canReview, onClose, onPlanPatch }: {
  runId: string;
  diagnosisId: string;
  minSamples: number;
  canReview: boolean;
  onClose: () => void;
  onPlanPatch?: () => void;
}) {
  const t = useT();
  const { projectId } = useWorkbench();
  const trace = useFailureTrace(projectId, runId, diagnosisId);
  return (
    <aside
      aria-label={t("debugger.trace.title")}
      data-testid="debugger-trace"
      onKeyDown={(event) => { if (event.key === "Escape" && !event.defaultPrevented) onClose(); }}
      className="flex min-h-0 w-full flex-col overflow-hidden rounded-md border border-line bg-sidebar/40 lg:w-[34rem] lg:shrink-0"
    >
      <header className="flex items-start gap-2 border-b border-line px-3 py-2">
        <div className="min-w-0 flex-1">
          <h3 className="text-base font-semibold text-strong">{t("debugger.trace.title")}</h3>
          <p className="text-xs text-muted">{t("debugger.trace.subtitle")}</p>
        </div>
        <IconButton icon="close" label={t("common.close")} onClick={onClose} autoFocus />
      </header>
      <div className="min-h-0 flex-1 overflow-auto px-3 py-3">
        {trace.isPending ? (
          <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("debugger.trace.loading")}</p>
        ) : trace.isError ? (
          <ErrorMessage error={trace.error} onRetry={() => void trace.refetch()} />
        ) : (
          <ol aria-label={t("debugger.trace.steps")} className="flex flex-col">
            <TraceKnowledge trace={trace.data} minSamples={minSamples} />
            <TraceEvidence trace={trace.data} runId={runId} canReview={canReview} onPlanPatch={onPlanPatch} />
          </ol>
        )}
      </div>
    </aside>
  );
}
