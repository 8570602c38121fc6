"use client";

import { can } from "@proda/core";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { Dialog } from "@/components/ui/dialog";
import { ErrorMessage } from "@/components/ui/error-message";
import { CONTROL_CLASS } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { StageTabs } from "@/features/benchmarks/components/stage-tabs";
import { useStageCommands } from "@/features/benchmarks/hooks/use-stage-commands";
import { useStageParams } from "@/features/benchmarks/hooks/use-stage-params";
import { useDatasets } from "@/features/datasets/hooks/use-datasets";
import { useModels } from "@/features/evaluation/hooks/use-models";
import { PipelineSteps, StageHeader } from "@/features/workbench/components/stage-header";
import { useJobFocus, useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TTrainingRunDto } from "@/lib/api-types";
import { useTrainingRuns } from "../hooks/use-training-runs";
import { frozenVersions } from "../lib/dataset-gate";
import { backendLabel, runStatusLabel } from "../lib/labels";
import { chooseRun } from "../lib/run-status";
import { FirstRun } from "./first-run";
import { LaunchForm } from "./launch-form";
import { RunDetail } from "./run-detail";
import { RunsList } from "./runs-list";

const TRAINING_TABS = ["run", "runs"] as const;
type TTrainingTab = (typeof TRAINING_TABS)[number];

/**
 * Stage 5: launch training runs on a frozen, guard-cleared dataset version and follow them (live
 * log over SSE, loss and learning-rate charts, cancel); every run in a list. The URL holds the run
 * (`?r=`, default the newest) and the section (`?tab=run|runs`); `?new=1` opens the launch form.
 */
export function TrainingView() {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role } = useWorkbench();
  const { selectJob } = useJobFocus();
  const params = useStageParams();
  const { navigate } = params;
  const runs = useTrainingRuns(projectId);
  const datasets = useDatasets(projectId);
  const models = useModels(projectId);
  const list = runs.data?.pages.flatMap((p) => p.runs) ?? [];
  const run = chooseRun(list, params.get("r"));
  const canRun = can(role, "training.run");
  const hasFrozen = frozenVersions(datasets.data ?? []).length > 0;
  const [formOpen, setFormOpen] = useState(false);
  const tab: TTrainingTab = params.tab(TRAINING_TABS) ?? "run";
  const openForm = formOpen || (params.get("new") === "1" && canRun && hasFrozen);
  const closeForm = () => {
    setFormOpen(false);
    if (params.get("new")) navigate({ new: null }, "replace");
  };

  const openRun = useCallback((id: string) => navigate({ r: id, tab: "run" }, "replace"), [navigate]);
  const onStarted = (started: TTrainingRunDto) => {
    setFormOpen(false);
    if (started.jobId) selectJob(started.jobId);
    navigate({ r: started.id, tab: "run", new: null }, "replace");
  };

  useStageCommands("training", t("stages.training.name"), [
    { id: "new", title: t("training.command.new"), icon: "play", enabled: canRun && hasFrozen, run: () => setFormOpen(true) },
    { id: "runs", title: t("training.command.runs"), icon: "training", enabled: list.length > 0, run: () => navigate({ tab: "runs" }) },
  ]);

  return (
    <div className="flex h-full min-h-0 flex-col gap-3 overflow-auto px-6 py-4">
      <StageHeader stage="training" description={t("training.description")}>
        <div className="flex flex-wrap items-center gap-2">
          {list.length > 0 ? (
            <select aria-label={t("training.pick")} value={run?.id ?? ""} onChange={(event) => openRun(event.target.value)} data-testid="training-run-picker" className={cx(CONTROL_CLASS, "h-7 w-64!")}>
              {list.map((r) => <option key={r.id} value={r.id}>{t("training.pickOption", { number: r.number, backend: backendLabel(r.backend, t), status: runStatusLabel(r.status, t) })}</option>)}
            </select>
          ) : null}
          {canRun && list.length > 0 ? (
            <Button variant="primary" icon="play" onClick={() => setFormOpen(true)} disabled={!hasFrozen} title={hasFrozen ? undefined : t("training.empty.noDatasetTitle")}>{t("training.form.open")}</Button>
          ) : null}
        </div>
      </StageHeader>
      <PipelineSteps current="training" />

      {runs.isPending || datasets.isPending ? (
        <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("training.loading")}</p>
      ) : runs.isError ? (
        <ErrorMessage error={runs.error} onRetry={() => void runs.refetch()} />
      ) : datasets.isError ? (
        <ErrorMessage error={datasets.error} onRetry={() => void datasets.refetch()} />
      ) : !run ? (
        <FirstRun datasets={datasets.data} canRun={canRun} onStarted={onStarted} />
      ) : (
        <StageTabs
          idPrefix="training"
          label={t("training.sections")}
          tab={tab}
          onTab={(next) => navigate({ tab: next }, "replace")}
          tabs={[
            { id: "run", label: t("training.tab.run", { number: run.number }), icon: "training" },
            { id: "runs", label: t("training.tab.runs"), icon: "database", count: formatCount(list.length, locale) },
          ]}
        >
          {tab === "run" ? (
            <RunDetail key={run.id} run={run} />
          ) : (
            <RunsList runs={list} models={models.data ?? []} currentId={run.id} onOpen={openRun}
              hasMore={!!runs.hasNextPage} loadingMore={runs.isFetchingNextPage} onLoadMore={() => void runs.fetchNextPage()} />
          )}
        </StageTabs>
      )}
      <Dialog open={openForm} onClose={closeForm} title={t("training.form.title")} description={t("training.form.description")} className="w-[min(48rem,calc(100vw-2rem))]">
        {openForm ? <LaunchForm datasets={datasets.data ?? []} onStarted={onStarted} onCancel={closeForm} /> : null}
      </Dialog>
    </div>
  );
}
