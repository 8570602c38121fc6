"use client";

import { can } from "@proda/core";
import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { StageTabs } from "@/features/benchmarks/components/stage-tabs";
import { isUsable } from "@/features/benchmarks/lib/artifact-status";
import { useJobFocus, useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TDatasetDto, TSampleDto } from "@/lib/api-types";
import { useContamination } from "../hooks/use-contamination";
import { useGuardAction, type TGuardAction } from "../hooks/use-guard-action";
import { ContaminationPanel } from "./contamination-panel";
import { DatasetDiff } from "./dataset-diff";
import { DatasetOverview } from "./dataset-overview";
import { DatasetsList } from "./datasets-list";
import { FreezeDatasetDialog } from "./freeze-dataset-dialog";
import { SamplesTable } from "./samples-table";

export const BUILDER_TABS = ["overview", "samples", "diff", "contamination", "versions"] as const;
export type TBuilderTab = (typeof BUILDER_TABS)[number];

/**
 * The shown version's sections: overview (recipe, per-type counts, coverage), samples, diff,
 * contamination guard, and the list of all versions. Owns the guard's actions and the freeze dialog.
 */
export function DatasetSections({
  dataset,
  datasets,
  tab,
  onTab,
  againstId,
  onAgainst,
  selectedSampleId,
  onSelectSample,
  onOpenSample,
  onOpenDataset,
  onRebuild,
  rebuilding,
}: {
  dataset: TDatasetDto;
  datasets: TDatasetDto[];
  tab: TBuilderTab;
  onTab: (tab: TBuilderTab) => void;
  againstId: string | null;
  onAgainst: (id: string | null) => void;
  selectedSampleId: string | null;
  onSelectSample: (sample: TSampleDto) => void;
  onOpenSample: (sample: TSampleDto) => void;
  onOpenDataset: (id: string) => void;
  onRebuild: (id: string) => void;
  rebuilding: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role } = useWorkbench();
  const { selectJob } = useJobFocus();
  const guard = useGuardAction(projectId, dataset.id);
  const usable = isUsable(dataset);
  const report = useContamination(projectId, dataset.id, { enabled: usable });
  const [freezeOpen, setFreezeOpen] = useState(false);
  const disciplines = Object.keys(dataset.coverage?.byDiscipline ?? {}).sort();
  const run = (action: TGuardAction) =>
    guard.mutate(action, {
      onSuccess: (started) => {
        setFreezeOpen(false);
        if (started.jobId) selectJob(started.jobId);
        onTab("contamination");
      },
    });
  const notReady = (
    <EmptyState icon="builder" title={t("datasets.notReady.title", { number: dataset.number })} className="rounded-md border border-dashed border-line-strong">
      {dataset.status === "building" ? t("datasets.notReady.building") : t("datasets.notReady.body")}
    </EmptyState>
  );

  return (
    <>
      <StageTabs
        idPrefix="builder"
        label={t("datasets.sections")}
        tab={tab}
        onTab={onTab}
        tabs={[
          { id: "overview", label: t("datasets.tab.overview"), icon: "report" },
          { id: "samples", label: t("datasets.tab.samples"), icon: "file", count: formatCount(dataset.sampleCount, locale) },
          { id: "diff", label: t("datasets.tab.diff"), icon: "relation" },
          { id: "contamination", label: t("datasets.tab.contamination"), icon: "alert" },
          { id: "versions", label: t("datasets.tab.versions"), icon: "database", count: formatCount(datasets.length, locale) },
        ]}
      >
        {tab === "overview" ? (
          <div className="overflow-auto">{dataset.status === "building" ? notReady : <DatasetOverview dataset={dataset} datasets={datasets} />}</div>
        ) : tab === "samples" ? (
          usable ? <SamplesTable key={dataset.id} datasetId={dataset.id} disciplines={disciplines} selectedId={selectedSampleId} onSelect={onSelectSample} onOpen={onOpenSample} /> : notReady
        ) : tab === "diff" ? (
          usable ? <DatasetDiff dataset={dataset} datasets={datasets} againstId={againstId} onAgainst={onAgainst} /> : notReady
        ) : tab === "contamination" ? (
          <ContaminationPanel dataset={dataset} onFreeze={() => { guard.reset(); setFreezeOpen(true); }} guard={{ run, busy: guard.isPending, error: freezeOpen ? null : guard.error }} />
        ) : (
          <DatasetsList datasets={datasets} currentId={dataset.id} canRebuild={can(role, "dataset.run")} rebuilding={rebuilding} onOpen={onOpenDataset} onRebuild={onRebuild} />
        )}
      </StageTabs>
      <FreezeDatasetDialog
        key={`${dataset.id}:${freezeOpen}`}
        dataset={dataset}
        report={report.data ?? null}
        canOverride={can(role, "contamination.override")}
        open={freezeOpen}
        busy={guard.isPending}
        error={freezeOpen ? guard.error : null}
        onFreeze={run}
        onClose={() => setFreezeOpen(false)}
      />
    </>
  );
}
