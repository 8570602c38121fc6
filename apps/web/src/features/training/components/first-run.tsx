"use client";

import { EmptyState } from "@/components/ui/empty-state";
import { StageLink } from "@/features/benchmarks/components/stage-link";
import { Card } from "@/features/workbench/components/view-frame";
import { useT } from "@/i18n/i18n-provider";
import type { TDatasetDto, TTrainingRunDto } from "@/lib/api-types";
import { frozenVersions } from "../lib/dataset-gate";
import { LaunchForm } from "./launch-form";

/** No run yet: freeze a dataset version first, launch one, or ask someone who may. */
export function FirstRun({ datasets, canRun, onStarted }: { datasets: TDatasetDto[]; canRun: boolean; onStarted: (run: TTrainingRunDto) => void }) {
  const t = useT();
  if (frozenVersions(datasets).length === 0) {
    return (
      <EmptyState icon="builder" title={t("training.empty.noDatasetTitle")} action={<StageLink stage="builder">{t("training.empty.goToBuilder")}</StageLink>}
        className="rounded-md border border-dashed border-line-strong">
        {t("training.empty.noDatasetBody")}
      </EmptyState>
    );
  }
  if (!canRun) {
    return (
      <EmptyState icon="training" title={t("training.empty.noneTitle")} className="rounded-md border border-dashed border-line-strong">
        {t("training.empty.readOnly")}
      </EmptyState>
    );
  }
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-3" data-testid="training-first-run">
      <EmptyState icon="training" title={t("training.empty.launchTitle")} className="py-4">{t("training.empty.launchBody")}</EmptyState>
      <Card title={t("training.form.title")}>
        <LaunchForm datasets={datasets} onStarted={onStarted} />
      </Card>
    </div>
  );
}
