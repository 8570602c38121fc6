"use client";

import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { StageTabs } from "@/features/benchmarks/components/stage-tabs";
import { isUsable } from "@/features/benchmarks/lib/artifact-status";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TEvaluationDto } from "@/lib/api-types";
import { CompareView } from "./compare-view";
import { EvaluationSummary } from "./evaluation-summary";
import { Leaderboard } from "./leaderboard";
import { ModelsSection } from "./models-section";
import { ResultsTable } from "./results-table";

export const EVALUATION_TABS = ["leaderboard", "summary", "results", "compare", "models"] as const;
export type TEvaluationTab = (typeof EVALUATION_TABS)[number];

/**
 * The stage's sections: the benchmark's leaderboard and heatmap, the shown evaluation's summary,
 * results and comparison, and the model registry. `empty` stands in for the evaluation sections
 * while there is nothing to show (no frozen benchmark, no evaluation yet).
 */
export function EvaluationSections({
  tab,
  onTab,
  evaluation,
  leaderboard,
  empty,
  selectedItemId,
  onSelectItem,
  onOpenItem,
  onOpenEvaluation,
  compareWith,
  onCompare,
  onOpenResult,
  onEvaluateModel,
}: {
  tab: TEvaluationTab;
  onTab: (tab: TEvaluationTab) => void;
  evaluation: TEvaluationDto | null;
  leaderboard: TEvaluationDto[];
  empty: ReactNode;
  selectedItemId: string | null;
  onSelectItem: (id: string) => void;
  onOpenItem: (id: string) => void;
  onOpenEvaluation: (id: string) => void;
  compareWith: string | null;
  onCompare: (before: string, after: string | null) => void;
  onOpenResult: (evaluationId: string, itemId: string) => void;
  onEvaluateModel: (modelId: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const disciplines = Object.keys(evaluation?.summary?.byDiscipline ?? {}).sort();
  return (
    <StageTabs
      idPrefix="evaluation"
      label={t("evaluation.sections")}
      tab={tab}
      onTab={onTab}
      tabs={[
        { id: "leaderboard", label: t("evaluation.tab.leaderboard"), icon: "report", count: leaderboard.length ? formatCount(leaderboard.length, locale) : undefined },
        { id: "summary", label: t("evaluation.tab.summary"), icon: "evaluation" },
        { id: "results", label: t("evaluation.tab.results"), icon: "tester", count: evaluation ? formatCount(evaluation.itemsDone, locale) : undefined },
        { id: "compare", label: t("evaluation.tab.compare"), icon: "relation" },
        { id: "models", label: t("evaluation.tab.models"), icon: "database" },
      ]}
    >
      {tab === "models" ? (
        <ModelsSection onEvaluate={onEvaluateModel} />
      ) : !evaluation ? (
        empty
      ) : tab === "leaderboard" ? (
        <Leaderboard evaluations={leaderboard} currentId={evaluation.id} onOpen={onOpenEvaluation} />
      ) : tab === "summary" ? (
        <EvaluationSummary evaluation={evaluation} />
      ) : tab === "results" ? (
        evaluation.itemsDone > 0 || isUsable(evaluation) ? (
          <ResultsTable key={evaluation.id} evaluationId={evaluation.id} disciplines={disciplines} live={evaluation.status === "building"}
            selectedId={selectedItemId} onSelect={onSelectItem} onOpen={onOpenItem} />
        ) : (
          <EmptyState icon="evaluation" title={t("evaluation.results.emptyTitle")} className="rounded-md border border-dashed border-line-strong">{t("evaluation.results.emptyLive")}</EmptyState>
        )
      ) : (
        <CompareView key={evaluation.id} evaluations={leaderboard} beforeId={evaluation.id} afterId={compareWith} onChange={onCompare} onOpenResult={onOpenResult} />
      )}
    </StageTabs>
  );
}
