"use client";

import { EmptyState } from "@/components/ui/empty-state";
import { Card } from "@/features/workbench/components/view-frame";
import { useT } from "@/i18n/i18n-provider";
import type { TBenchmarkDto, TKnowledgeVersionDto } from "@/lib/api-types";
import { BenchmarkForm } from "./benchmark-form";
import { StageLink } from "./stage-link";

/** No benchmark yet: extract knowledge first, build one, or ask someone who may. */
export function FirstBenchmark({ versions, canRun, onStarted }: { versions: TKnowledgeVersionDto[]; canRun: boolean; onStarted: (benchmark: TBenchmarkDto) => void }) {
  const t = useT();
  if (versions.length === 0) {
    return (
      <EmptyState icon="knowledge" title={t("benchmarks.empty.noKnowledgeTitle")} action={<StageLink stage="knowledge">{t("benchmarks.empty.goToKnowledge")}</StageLink>}
        className="rounded-md border border-dashed border-line-strong">
        {t("benchmarks.empty.noKnowledgeBody")}
      </EmptyState>
    );
  }
  if (!canRun) {
    return (
      <EmptyState icon="tester" title={t("benchmarks.empty.noneTitle")} className="rounded-md border border-dashed border-line-strong">
        {t("benchmarks.empty.readOnly")}
      </EmptyState>
    );
  }
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-3" data-testid="benchmark-first-run">
      <EmptyState icon="tester" title={t("benchmarks.empty.buildTitle")} className="py-4">{t("benchmarks.empty.buildBody")}</EmptyState>
      <Card title={t("benchmarks.form.title")}>
        <BenchmarkForm versions={versions} onStarted={onStarted} />
      </Card>
    </div>
  );
}
