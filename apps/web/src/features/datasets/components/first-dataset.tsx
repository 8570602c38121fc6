"use client";

import { EmptyState } from "@/components/ui/empty-state";
import { StageLink } from "@/features/benchmarks/components/stage-link";
import { Card } from "@/features/workbench/components/view-frame";
import { useT } from "@/i18n/i18n-provider";
import type { TDatasetDto, TKnowledgeVersionDto } from "@/lib/api-types";
import { DatasetForm } from "./dataset-form";

/** No dataset version yet: extract knowledge first, build V1, or ask someone who may. */
export function FirstDataset({ versions, canRun, hasBenchmark, onStarted }: { versions: TKnowledgeVersionDto[]; canRun: boolean; hasBenchmark: boolean; onStarted: (dataset: TDatasetDto) => void }) {
  const t = useT();
  if (versions.length === 0) {
    return (
      <EmptyState icon="knowledge" title={t("benchmarks.empty.noKnowledgeTitle")} action={<StageLink stage="knowledge">{t("benchmarks.empty.goToKnowledge")}</StageLink>}
        className="rounded-md border border-dashed border-line-strong">
        {t("datasets.empty.noKnowledgeBody")}
      </EmptyState>
    );
  }
  if (!canRun) {
    return (
      <EmptyState icon="builder" title={t("datasets.empty.noneTitle")} className="rounded-md border border-dashed border-line-strong">
        {t("datasets.empty.readOnly")}
      </EmptyState>
    );
  }
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-3" data-testid="dataset-first-run">
      <EmptyState icon="builder" title={t("datasets.empty.buildTitle")} className="py-4"
        action={hasBenchmark ? undefined : <StageLink stage="tester" variant="secondary">{t("datasets.empty.goToTester")}</StageLink>}>
        {t("datasets.empty.buildBody")}
        {hasBenchmark ? null : <span className="mt-1 block">{t("datasets.empty.noBenchmark")}</span>}
      </EmptyState>
      <Card title={t("datasets.form.title")}>
        <DatasetForm versions={versions} onStarted={onStarted} />
      </Card>
    </div>
  );
}
