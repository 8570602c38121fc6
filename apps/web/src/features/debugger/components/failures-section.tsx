"use client";

import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { Spinner } from "@/components/ui/spinner";
import { PERTURB_OPERATORS } from "@/features/benchmarks/lib/labels";
import { useT } from "@/i18n/i18n-provider";
import type { TDiagnosisRunDetailDto, TDiagnosisRunDto } from "@/lib/api-types";
import { FailureTrace } from "./failure-trace";
import { FailuresTable } from "./failures-table";
import { RunSummary } from "./run-summary";

/**
 * The Failures tab of a run: its summary (classes, review progress, κ, clusters), the failures
 * table, and the open failure's trace beside it.
 */
export function FailuresSection({ run, detail, detailError, onRetry, canReview, selectedId, onSelect, openId, onOpen, onClose, onPlanPatch }: {
  run: TDiagnosisRunDto;
  detail: TDiagnosisRunDetailDto | undefined;
  detailError: unknown;
  onRetry: () => void;
  canReview: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
  openId: string | null;
  onOpen: (id: string) => void;
  onClose: () => void;
  onPlanPatch: () => void;
}) {
  const t = useT();
  if (run.status === "building") {
    return <EmptyState icon="debugger" title={t("debugger.run.buildingTitle")} className="rounded-md border border-dashed border-line-strong">{t("debugger.run.buildingBody")}</EmptyState>;
  }
  if (run.status === "failed" || run.status === "cancelled") {
    return <ErrorMessage message={run.error ?? t(`debugger.run.${run.status}`)} />;
  }
  if (detailError) return <ErrorMessage error={detailError} onRetry={onRetry} />;
  if (!detail) return <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("debugger.run.loading")}</p>;
  const disciplines = detail.aggregates.byDiscipline.map((d) => d.discipline);
  const operators = [...new Set([...PERTURB_OPERATORS, ...detail.aggregates.byOperator.map((o) => o.operator)])];
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3">
      <RunSummary detail={detail} />
      <div className="flex min-h-[28rem] flex-1 flex-col gap-3 lg:flex-row">
        <div className="flex min-h-0 min-w-0 flex-1 flex-col">
          <FailuresTable runId={run.id} disciplines={disciplines} operators={operators} canReview={canReview} selectedId={selectedId} onSelect={onSelect} onOpen={onOpen} />
        </div>
        {openId ? <FailureTrace key={openId} runId={run.id} diagnosisId={openId} minSamples={run.settings.minSamples} canReview={canReview} onClose={onClose} onPlanPatch={onPlanPatch} /> : null}
      </div>
    </div>
  );
}
