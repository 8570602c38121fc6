"use client";

import { can } from "@proda/core";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { Dialog } from "@/components/ui/dialog";
import { ErrorMessage } from "@/components/ui/error-message";
import { CONTROL_CLASS } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { ArtifactProgress } from "@/features/benchmarks/components/artifact-progress";
import { DownloadMenu } from "@/components/ui/download-menu";
import { LineageButton } from "@/features/debugger/components/lineage-button";
import { useBenchmarks } from "@/features/benchmarks/hooks/use-benchmarks";
import { useStageCommands } from "@/features/benchmarks/hooks/use-stage-commands";
import { useFollowedArtifact } from "@/features/benchmarks/hooks/use-followed-artifact";
import { useStageParams } from "@/features/benchmarks/hooks/use-stage-params";
import { isBuilding, isUsable } from "@/features/benchmarks/lib/artifact-status";
import { artifactStatusLabel } from "@/features/benchmarks/lib/labels";
import { PipelineSteps, StageHeader } from "@/features/workbench/components/stage-header";
import { useJobFocus, useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TEvaluationDto } from "@/lib/api-types";
import { useEvaluations } from "../hooks/use-evaluations";
import { useModels } from "../hooks/use-models";
import { EVALUATION_EXPORT_FORMATS, evaluationExportHref } from "../lib/export-formats";
import { evaluationName } from "../lib/labels";
import { evaluationKeys } from "../query-keys";
import { EVALUATION_TABS, EvaluationSections, type TEvaluationTab } from "./evaluation-sections";
import { EvaluationForm } from "./evaluation-form";
import { FirstEvaluation } from "./first-evaluation";
import { ResultDetail } from "./result-detail";
import { RESULT_ID_PREFIX } from "./results-table";

/**
 * Stage 6: evaluate registered models on frozen benchmarks and read the results — leaderboard and
 * heatmap per benchmark, an evaluation's breakdowns, its results with each item's raw reply, and
 * two evaluations compared; the model registry. URL: `?b=` benchmark, `?e=` evaluation, `?tab=`,
 * `?item=` the result panel, `?vs=` the compared evaluation, `?evaluate=<modelId>` opens the form.
 */
export function EvaluationView() {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role } = useWorkbench();
  const { selectJob } = useJobFocus();
  const params = useStageParams();
  const { navigate } = params;
  const benchmarks = useBenchmarks(projectId);
  const models = useModels(projectId);
  const all = useEvaluations(projectId, null);
  const frozen = (benchmarks.data ?? []).filter((b) => b.status === "frozen");
  const list = all.data ?? [];
  const wantedEvaluation = list.find((e) => e.id === params.get("e"));
  const benchmark = frozen.find((b) => b.id === (params.get("b") ?? wantedEvaluation?.benchmarkId)) ?? frozen.find((b) => b.id === list[0]?.benchmarkId) ?? frozen[0] ?? null;
  const ofBenchmark = list.filter((e) => e.benchmarkId === benchmark?.id);
  const evaluation = (wantedEvaluation && wantedEvaluation.benchmarkId === benchmark?.id ? wantedEvaluation : ofBenchmark[0]) ?? null;
  const leaderboard = useEvaluations(projectId, benchmark?.id ?? null, { enabled: !!benchmark });
  const canRun = can(role, "evaluation.run");
  const itemId = params.get("item");
  const evaluateModel = params.get("evaluate");
  const [formOpen, setFormOpen] = useState(false);
  const [selectedItemId, setSelectedItemId] = useState<string | null>(null);
  const tab: TEvaluationTab = params.tab(EVALUATION_TABS) ?? "leaderboard";

  // An evaluation seen running while the view is open stays shown when it ends, whoever started it.
  const { followed, follow, dismiss } = useFollowedArtifact(list, isBuilding);

  const openEvaluation = useCallback((id: string) => {
    const target = list.find((e) => e.id === id);
    navigate({ e: id, b: target?.benchmarkId ?? null, item: null, vs: null, tab: tab === "models" ? "summary" : tab }, "replace");
  }, [navigate, list, tab]);
  const onStarted = (started: TEvaluationDto) => {
    setFormOpen(false);
    follow(started.id);
    if (started.jobId) selectJob(started.jobId);
    navigate({ e: started.id, b: started.benchmarkId, item: null, vs: null, evaluate: null, tab: tab === "models" ? "leaderboard" : tab }, "replace");
  };
  const openItem = useCallback((id: string) => {
    setSelectedItemId(id);
    navigate({ item: id }, itemId ? "replace" : "push");
  }, [navigate, itemId]);
  const closeItem = () => {
    navigate({ item: null }, "replace");
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[id^="${RESULT_ID_PREFIX}-"]`)?.closest<HTMLElement>("[role=grid]")?.focus());
  };
  const closeForm = () => {
    setFormOpen(false);
    if (evaluateModel) navigate({ evaluate: null }, "replace");
  };
  const formShown = canRun && frozen.length > 0 && !!models.data && (formOpen || !!evaluateModel);

  useStageCommands("evaluation", t("stages.evaluation.name"), [
    { id: "new", title: t("evaluation.command.new"), icon: "play", enabled: canRun && frozen.length > 0, run: () => setFormOpen(true) },
    { id: "results", title: t("evaluation.command.results"), icon: "tester", enabled: !!evaluation, run: () => navigate({ tab: "results" }) },
    { id: "leaderboard", title: t("evaluation.command.leaderboard"), icon: "report", enabled: !!benchmark, run: () => navigate({ tab: "leaderboard" }) },
    { id: "models", title: t("evaluation.command.models"), icon: "database", enabled: true, run: () => navigate({ tab: "models" }) },
  ]);

  const loading = benchmarks.isPending || all.isPending || models.isPending;
  const error = benchmarks.error ?? all.error ?? models.error;
  return (
    <div className="flex h-full min-h-0 flex-col gap-3 overflow-auto px-6 py-4">
      <StageHeader stage="evaluation" description={t("evaluation.description")}>
        <div className="flex flex-wrap items-center gap-2">
          {frozen.length > 0 ? (
            <select aria-label={t("evaluation.pickBenchmark")} value={benchmark?.id ?? ""} onChange={(event) => navigate({ b: event.target.value, e: null, item: null, vs: null }, "replace")}
              className={cx(CONTROL_CLASS, "h-7 w-56!")} data-testid="evaluation-benchmark-picker">
              {frozen.map((b) => <option key={b.id} value={b.id}>#{b.number} {b.name}</option>)}
            </select>
          ) : null}
          {ofBenchmark.length > 0 ? (
            <select aria-label={t("evaluation.pick")} value={evaluation?.id ?? ""} onChange={(event) => openEvaluation(event.target.value)} className={cx(CONTROL_CLASS, "h-7 w-64!")} data-testid="evaluation-picker">
              {ofBenchmark.map((e) => <option key={e.id} value={e.id}>{evaluationName(e)} · {artifactStatusLabel(e.status, t)}</option>)}
            </select>
          ) : null}
          {evaluation && isUsable(evaluation) ? (
            <DownloadMenu label={t("benchmarks.export.button")} title={t("evaluation.export.title")} testId="evaluation-export"
              downloads={EVALUATION_EXPORT_FORMATS.map((format) => ({ id: format, label: t(`evaluation.export.${format}`), hint: t(`evaluation.export.${format}.hint`), href: evaluationExportHref(projectId, evaluation.id, format) }))} />
          ) : null}
          {evaluation ? <LineageButton type="evaluation" id={evaluation.id} /> : null}
          {canRun && evaluation ? <Button variant="primary" icon="play" onClick={() => setFormOpen(true)}>{t("evaluation.form.open")}</Button> : null}
        </div>
      </StageHeader>
      {itemId ? null : <PipelineSteps current="evaluation" />}
      {followed ? (
        <ArtifactProgress
          title={t("evaluation.progress.title", { name: evaluationName(followed), benchmark: followed.benchmarkName })}
          icon="evaluation"
          status={followed.status}
          jobId={followed.jobId}
          error={followed.error}
          refresh={evaluationKeys.project(projectId)}
          testId="evaluation-run"
          figures={[
            ["items", t("evaluation.progress.items"), `${formatCount(followed.itemsDone, locale)} / ${formatCount(followed.itemsTotal, locale)}`],
            ["tokens", t("evaluation.progress.tokens"), formatCount(followed.promptTokens + followed.completionTokens, locale)],
          ]}
          onDismiss={() => dismiss(followed.id)}
          onOpen={followed.id !== evaluation?.id ? () => { dismiss(followed.id); openEvaluation(followed.id); } : undefined}
        />
      ) : null}

      {loading ? (
        <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("evaluation.loading")}</p>
      ) : error ? (
        <ErrorMessage error={error} onRetry={() => { void benchmarks.refetch(); void all.refetch(); void models.refetch(); }} />
      ) : (
        <div className="flex min-h-[30rem] flex-1 flex-col gap-3 lg:flex-row">
          <div className="flex min-h-0 min-w-0 flex-1 flex-col">
            <EvaluationSections
              tab={tab}
              onTab={(next) => navigate({ tab: next, item: null }, "replace")}
              evaluation={evaluation}
              leaderboard={leaderboard.data ?? ofBenchmark}
              empty={<FirstEvaluation benchmarks={frozen} benchmarkId={benchmark?.id} models={models.data ?? []} canRun={canRun} onShowModels={() => navigate({ tab: "models" })} onStarted={onStarted} />}
              selectedItemId={selectedItemId}
              onSelectItem={setSelectedItemId}
              onOpenItem={openItem}
              onOpenEvaluation={openEvaluation}
              compareWith={params.get("vs")}
              onCompare={(before, after) => navigate({ e: before, vs: after }, "replace")}
              onOpenResult={(evaluationId, id) => navigate({ e: evaluationId, tab: "results", item: id, vs: null }, "push")}
              onEvaluateModel={(modelId) => navigate({ evaluate: modelId }, "replace")}
            />
          </div>
          {evaluation && itemId && tab === "results" ? <ResultDetail key={`${evaluation.id}:${itemId}`} evaluationId={evaluation.id} itemId={itemId} onClose={closeItem} /> : null}
        </div>
      )}
      <Dialog open={formShown} onClose={closeForm} title={t("evaluation.form.title")} description={t("evaluation.form.description")} className="w-[min(44rem,calc(100vw-2rem))]">
        {formShown ? <EvaluationForm benchmarks={frozen} models={models.data ?? []} benchmarkId={benchmark?.id} modelId={evaluateModel ?? undefined} onStarted={onStarted} onCancel={closeForm} /> : null}
      </Dialog>
    </div>
  );
}
