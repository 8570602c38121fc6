"use client";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { StageLink } from "@/features/benchmarks/components/stage-link";
import { Card } from "@/features/workbench/components/view-frame";
import { useT } from "@/i18n/i18n-provider";
import type { TDiagnosisRunDto } from "@/lib/api-types";
import { DiagnoseForm } from "./diagnose-form";

/**
 * Nothing diagnosed yet: evaluate a model first (or run the whole loop), diagnose the chosen
 * evaluation, or — without the permission — say who can.
 */
export function FirstDiagnosis({ evaluationId, canRun, canLoop, onStarted, onRunLoop }: {
  evaluationId: string | null;
  canRun: boolean;
  canLoop: boolean;
  onStarted: (run: TDiagnosisRunDto) => void;
  onRunLoop: () => void;
}) {
  const t = useT();
  const frame = "rounded-md border border-dashed border-line-strong";
  if (!evaluationId) {
    return (
      <EmptyState icon="evaluation" title={t("debugger.empty.noEvaluationTitle")} className={frame}
        action={<span className="flex gap-2"><StageLink stage="evaluation">{t("debugger.empty.goToEvaluation")}</StageLink>{canLoop ? <Button icon="play" onClick={onRunLoop}>{t("debugger.loop.run")}</Button> : null}</span>}>
        {t("debugger.empty.noEvaluationBody")}
      </EmptyState>
    );
  }
  if (!canRun) return <EmptyState icon="debugger" title={t("debugger.empty.noRunTitle")} className={frame}>{t("debugger.empty.readOnly")}</EmptyState>;
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-3" data-testid="debugger-first-run">
      <EmptyState icon="debugger" title={t("debugger.empty.noRunTitle")} className="py-4">{t("debugger.empty.noRunBody")}</EmptyState>
      <Card title={t("debugger.diagnose.title")}><DiagnoseForm evaluationId={evaluationId} onStarted={onStarted} /></Card>
    </div>
  );
}
