"use client";

import { can } from "@proda/core";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorMessage } from "@/components/ui/error-message";
import { Spinner } from "@/components/ui/spinner";
import { ArtifactPicker } from "@/features/benchmarks/components/artifact-picker";
import { ArtifactProgress } from "@/features/benchmarks/components/artifact-progress";
import { DownloadMenu } from "@/components/ui/download-menu";
import { LineageButton } from "@/features/debugger/components/lineage-button";
import { useBenchmarks } from "@/features/benchmarks/hooks/use-benchmarks";
import { useStageCommands } from "@/features/benchmarks/hooks/use-stage-commands";
import { useFollowedArtifact } from "@/features/benchmarks/hooks/use-followed-artifact";
import { useStageParams } from "@/features/benchmarks/hooks/use-stage-params";
import { chooseArtifact, isBuilding, isUsable } from "@/features/benchmarks/lib/artifact-status";
import { DATASET_EXPORT_FORMATS, datasetExportHref } from "@/features/benchmarks/lib/export-formats";
import { useKnowledgeVersions } from "@/features/knowledge/hooks/use-knowledge-versions";
import { PipelineSteps, StageHeader } from "@/features/workbench/components/stage-header";
import { useJobFocus, useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatCount, formatPercent } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TDatasetDto, TSampleDto } from "@/lib/api-types";
import { useCreateDataset } from "../hooks/use-create-dataset";
import { useDatasets } from "../hooks/use-datasets";
import { coverageShare } from "../lib/dataset-view";
import { datasetKeys } from "../query-keys";
import { BUILDER_TABS, DatasetSections, type TBuilderTab } from "./dataset-sections";
import { DatasetForm } from "./dataset-form";
import { FirstDataset } from "./first-dataset";
import { SampleDetail } from "./sample-detail";
import { SAMPLE_ID_PREFIX } from "./samples-table";

/**
 * Stage 4: build dataset versions from a knowledge version (a recipe: ratios, budget, seed), follow
 * the build, then read a version's coverage, samples, diff against another, contamination report;
 * rebuild, freeze and export. The URL holds the version (`?d=`), the section (`?tab=`) and the diff
 * target (`?against=`).
 */
export function BuilderView() {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role } = useWorkbench();
  const { selectJob } = useJobFocus();
  const params = useStageParams();
  const { navigate } = params;
  const datasets = useDatasets(projectId);
  const knowledge = useKnowledgeVersions(projectId);
  const benchmarks = useBenchmarks(projectId);
  const rebuild = useCreateDataset(projectId);
  const readyVersions = (knowledge.data ?? []).filter((v) => v.status === "ready");
  const list = datasets.data ?? [];
  const dataset = chooseArtifact(list, params.get("d"));
  const canRun = can(role, "dataset.run");
  const [formOpen, setFormOpen] = useState(false);
  const [sample, setSample] = useState<TSampleDto | null>(null);
  const [selectedSampleId, setSelectedSampleId] = useState<string | null>(null);

  const { followed, follow, dismiss } = useFollowedArtifact(list, isBuilding);

  const tab: TBuilderTab = params.tab(BUILDER_TABS) ?? "overview";
  const openDataset = useCallback((id: string) => {
    setSample(null);
    navigate({ d: id, against: null, tab: tab === "versions" ? "overview" : tab }, "replace");
  }, [navigate, tab]);
  const onStarted = (started: TDatasetDto) => {
    setFormOpen(false);
    follow(started.id);
    if (started.jobId) selectJob(started.jobId);
    setSample(null);
    navigate({ d: started.id, against: null }, "replace");
  };
  const startRebuild = (id: string) => rebuild.mutate({ rebuildOf: id }, { onSuccess: onStarted });
  const closeSample = () => {
    setSample(null);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[id^="${SAMPLE_ID_PREFIX}-"]`)?.closest<HTMLElement>("[role=grid]")?.focus());
  };

  useStageCommands("builder", t("stages.builder.name"), [
    { id: "new", title: t("datasets.command.new"), icon: "play", enabled: canRun && readyVersions.length > 0, run: () => setFormOpen(true) },
    { id: "rebuild", title: t("datasets.command.rebuild"), icon: "refresh", enabled: canRun && !!dataset && isUsable(dataset), run: () => dataset && startRebuild(dataset.id) },
    { id: "samples", title: t("datasets.command.samples"), icon: "file", enabled: !!dataset, run: () => navigate({ tab: "samples" }) },
    { id: "guard", title: t("datasets.command.guard"), icon: "alert", enabled: !!dataset, run: () => navigate({ tab: "contamination" }) },
  ]);

  const coverage = dataset ? coverageShare(dataset.coverage) : null;
  return (
    <div className="flex h-full min-h-0 flex-col gap-3 overflow-auto px-6 py-4">
      <StageHeader stage="builder" description={t("datasets.description")}>
        <div className="flex flex-wrap items-center gap-2">
          {dataset ? (
            <span className="mr-2 text-xs text-muted" data-testid="dataset-totals">
              {t("datasets.totals", { samples: formatCount(dataset.sampleCount, locale), coverage: coverage === null ? "—" : formatPercent(coverage, locale) })}
            </span>
          ) : null}
          {list.length > 0 ? <ArtifactPicker label={t("datasets.pick")} items={list} value={dataset?.id ?? null} onChange={openDataset} testId="dataset-picker" /> : null}
          {dataset && isUsable(dataset) ? (
            <DownloadMenu label={t("benchmarks.export.button")} title={t("datasets.export.title")} testId="dataset-export"
              downloads={DATASET_EXPORT_FORMATS.map((format) => ({ id: format, label: t(`datasets.export.${format}`), hint: t(`datasets.export.${format}.hint`), href: datasetExportHref(projectId, dataset.id, format) }))} />
          ) : null}
          {dataset ? <LineageButton type="dataset_version" id={dataset.id} /> : null}
          {canRun && dataset && isUsable(dataset) ? (
            <Button icon="refresh" busy={rebuild.isPending} onClick={() => startRebuild(dataset.id)} title={t("datasets.rebuild.hint")}>{t("datasets.rebuild.button")}</Button>
          ) : null}
          {canRun && list.length > 0 ? (
            <Button variant="primary" icon="play" onClick={() => setFormOpen(true)} disabled={readyVersions.length === 0}>{t("datasets.form.open")}</Button>
          ) : null}
        </div>
      </StageHeader>
      {sample ? null : <PipelineSteps current="builder" />}
      {rebuild.error ? <ErrorMessage error={rebuild.error} /> : null}
      {followed ? (
        <ArtifactProgress
          title={t("datasets.progress.title", { number: followed.number, name: followed.name })}
          icon="builder"
          status={followed.status}
          jobId={followed.jobId}
          error={followed.error}
          refresh={datasetKeys.project(projectId)}
          testId="dataset-run"
          figures={[
            ["samples", t("datasets.progress.samples"), `${formatCount(followed.sampleCount, locale)} / ${formatCount(followed.recipe.budget, locale)}`],
          ]}
          onDismiss={() => dismiss(followed.id)}
          onOpen={followed.id !== dataset?.id ? () => { dismiss(followed.id); openDataset(followed.id); } : undefined}
        />
      ) : null}

      {datasets.isPending || knowledge.isPending ? (
        <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("datasets.loading")}</p>
      ) : datasets.isError ? (
        <ErrorMessage error={datasets.error} onRetry={() => void datasets.refetch()} />
      ) : knowledge.isError ? (
        <ErrorMessage error={knowledge.error} onRetry={() => void knowledge.refetch()} />
      ) : !dataset ? (
        <FirstDataset versions={readyVersions} canRun={canRun} hasBenchmark={(benchmarks.data ?? []).some((b) => b.status === "frozen")} onStarted={onStarted} />
      ) : (
        <div className="flex min-h-[30rem] flex-1 flex-col gap-3 lg:flex-row">
          <div className="flex min-h-0 min-w-0 flex-1 flex-col">
            <DatasetSections
              dataset={dataset}
              datasets={list}
              tab={tab}
              onTab={(next) => navigate({ tab: next }, "replace")}
              againstId={params.get("against")}
              onAgainst={(id) => navigate({ against: id }, "replace")}
              selectedSampleId={selectedSampleId}
              onSelectSample={(s) => setSelectedSampleId(s.id)}
              onOpenSample={(s) => { setSelectedSampleId(s.id); setSample(s); }}
              onOpenDataset={openDataset}
              onRebuild={startRebuild}
              rebuilding={rebuild.isPending}
            />
          </div>
          {sample && tab === "samples" ? <SampleDetail key={sample.id} sample={sample} onClose={closeSample} /> : null}
        </div>
      )}
      <Dialog open={formOpen} onClose={() => setFormOpen(false)} title={t("datasets.form.title")} description={t("datasets.form.description")} className="w-[min(44rem,calc(100vw-2rem))]">
        {formOpen ? <DatasetForm versions={readyVersions} onStarted={onStarted} onCancel={() => setFormOpen(false)} /> : null}
      </Dialog>
    </div>
  );
}
