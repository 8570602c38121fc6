"use client";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { StageLink } from "@/features/benchmarks/components/stage-link";
import { Card } from "@/features/workbench/components/view-frame";
import { useT } from "@/i18n/i18n-provider";
import type { TBenchmarkDto, TEvaluationDto, TModelDto } from "@/lib/api-types";
import { EvaluationForm } from "./evaluation-form";

/** No evaluation of this benchmark yet: freeze a benchmark, get a model, evaluate one, or ask someone who may. */
export function FirstEvaluation({
  benchmarks,
  benchmarkId,
  models,
  canRun,
  onShowModels,
  onStarted,
}: {
  benchmarks: TBenchmarkDto[];
  benchmarkId: string | undefined;
  models: TModelDto[];
  canRun: boolean;
  onShowModels: () => void;
  onStarted: (evaluation: TEvaluationDto) => void;
}) {
  const t = useT();
  const frame = "rounded-md border border-dashed border-line-strong";
  if (benchmarks.length === 0) {
    return (
      <EmptyState icon="tester" title={t("evaluation.empty.noBenchmarkTitle")} className={frame} action={<StageLink stage="tester">{t("evaluation.empty.goToTester")}</StageLink>}>
        {t("evaluation.empty.noBenchmarkBody")}
      </EmptyState>
    );
  }
  if (models.length === 0) {
    return (
      <EmptyState icon="training" title={t("evaluation.empty.noModelTitle")} className={frame}
        action={<span className="flex gap-2"><StageLink stage="training">{t("evaluation.empty.goToTraining")}</StageLink><Button onClick={onShowModels}>{t("evaluation.empty.registerModel")}</Button></span>}>
        {t("evaluation.empty.noModelBody")}
      </EmptyState>
    );
  }
  if (!canRun) {
    return <EmptyState icon="evaluation" title={t("evaluation.empty.noneTitle")} className={frame}>{t("evaluation.empty.readOnly")}</EmptyState>;
  }
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-3" data-testid="evaluation-first-run">
      <EmptyState icon="evaluation" title={t("evaluation.empty.launchTitle")} className="py-4">{t("evaluation.empty.launchBody")}</EmptyState>
      <Card title={t("evaluation.form.title")}>
        <EvaluationForm benchmarks={benchmarks} models={models} benchmarkId={benchmarkId} onStarted={onStarted} />
      </Card>
    </div>
  );
}
