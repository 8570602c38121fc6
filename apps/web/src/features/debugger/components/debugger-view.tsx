"use client";

import { can } from "@proda/core";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { CONTROL_CLASS } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { ArtifactProgress } from "@/features/benchmarks/components/artifact-progress";
import { useBenchmarks } from "@/features/benchmarks/hooks/use-benchmarks";
import { useStageCommands } from "@/features/benchmarks/hooks/use-stage-commands";
import { useFollowedArtifact } from "@/features/benchmarks/hooks/use-followed-artifact";
import { useStageParams } from "@/features/benchmarks/hooks/use-stage-params";
import { artifactStatusLabel } from "@/features/benchmarks/lib/labels";
import { useDatasets } from "@/features/datasets/hooks/use-datasets";
import { useEvaluations } from "@/features/evaluation/hooks/use-evaluations";
import { useModels } from "@/features/evaluation/hooks/use-models";
import { evaluationHref } from "@/features/evaluation/lib/links";
import { evaluationName } from "@/features/evaluation/lib/labels";
import { PipelineSteps, StageHeader } from "@/features/workbench/components/stage-header";
import { useJobFocus, useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatCount, formatDateTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TDiagnosisRunDto } from "@/lib/api-types";
import { useDiagnosisRun } from "../hooks/use-diagnosis-run";
import { useDiagnosisRuns } from "../hooks/use-diagnosis-runs";
import { comparableEvaluations, compareDefaults } from "../lib/compare";
import { chooseDiagnosisRun } from "../lib/run-view";
import { debuggerKeys } from "../query-keys";
import { ComparePanel } from "./compare-panel";
import { DEBUGGER_TABS, DebuggerSections, type TDebuggerTab } from "./debugger-sections";
import { DiagnoseForm } from "./diagnose-form";
import { ExternalPanel } from "./external-panel";
import { FailuresSection } from "./failures-section";
import { DIAGNOSIS_ID_PREFIX } from "./failures-table";
import { FirstDiagnosis } from "./first-diagnosis";
import { LineageButton } from "./lineage-button";
import { LoopPanel } from "./loop-panel";
import { PatchPlanner } from "./patch-planner";

/**
 * Stage 7: diagnose an evaluation's failures to knowledge nodes, review the diagnoses, plan and
 * build the patch (V2 and a random control), compare V1 / V2 / control, run the whole loop, and
 * check the benchmark against external ones. URL: `?e=` evaluation, `?run=` diagnosis run, `?tab=`,
 * `?d=` the open failure trace (pushed: Back closes it), `?base=&cand=&ctl=` the comparison,
 * `?loop=` the loop shown, `?newLoop=1` opens the loop form (the palette's "Run the loop").
 */
export function DebuggerView() {
  const t = useT();
  const { locale } = useLocale();
  const router = useRouter();
  const { projectId, role } = useWorkbench();
  const { selectJob } = useJobFocus();
  const params = useStageParams();
  const { navigate } = params;
  const evaluations = useEvaluations(projectId, null);
  const benchmarks = useBenchmarks(projectId);
  const runs = useDiagnosisRuns(projectId, null);
  const datasets = useDatasets(projectId);
  const models = useModels(projectId);
  const external = new Set((benchmarks.data ?? []).filter((b) => b.source === "external").map((b) => b.id));
  const finished = comparableEvaluations(evaluations.data ?? [], null);
  const diagnosable = finished.filter((e) => !external.has(e.benchmarkId));
  const allRuns = runs.data ?? [];
  const runParam = params.get("run");
  const wantedRun = allRuns.find((r) => r.id === runParam);
  const evaluationId = params.get("e") ?? wantedRun?.evaluationId ?? allRuns[0]?.evaluationId ?? diagnosable[0]?.id ?? null;
  const evaluation = diagnosable.find((e) => e.id === evaluationId) ?? null;
  const runsOfEvaluation = allRuns.filter((r) => r.evaluationId === evaluation?.id);
  const run = chooseDiagnosisRun(runsOfEvaluation, runParam);
  const detail = useDiagnosisRun(projectId, run?.status === "ready" ? run.id : null);
  const tab: TDebuggerTab = params.tab(DEBUGGER_TABS) ?? (params.get("loop") || params.get("newLoop") ? "loop" : "failures");
  const openId = params.get("d");
  const canRun = can(role, "debugger.run");
  const canReview = can(role, "debugger.review");
  const canBuild = can(role, "dataset.run");
  const canLoop = can(role, "loop.run");
  const [formOpen, setFormOpen] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  // A run seen building while the view is open stays shown when it ends, whoever started it.
  const { followed, follow, dismiss } = useFollowedArtifact(allRuns, (r) => r.status === "building");

  const defaults = compareDefaults({ baselineId: evaluation?.id ?? null, runId: run?.id ?? null, evaluations: evaluations.data ?? [], datasets: datasets.data ?? [], models: models.data ?? [] });
  const picks = params.get("base")
    ? { baseline: params.get("base"), candidate: params.get("cand"), control: params.get("ctl") }
    : defaults;

  const onStarted = (started: TDiagnosisRunDto) => {
    setFormOpen(false);
    follow(started.id);
    if (started.jobId) selectJob(started.jobId);
    navigate({ e: started.evaluationId, run: started.id, d: null, tab: "failures", diagnose: null }, "replace");
  };
  const openTrace = useCallback((id: string) => {
    setSelectedId(id);
    navigate({ d: id }, openId ? "replace" : "push");
  }, [navigate, openId]);
  const closeTrace = () => {
    navigate({ d: null }, "replace");
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[id^="${DIAGNOSIS_ID_PREFIX}-"]`)?.closest<HTMLElement>("[role=grid]")?.focus());
  };
  const goTab = (next: TDebuggerTab) => navigate({ tab: next, d: null }, "replace");
  const runLoop = () => navigate({ tab: "loop", newLoop: "1" }, "replace");

  useStageCommands("debugger", t("stages.debugger.name"), [
    { id: "diagnose", title: t("debugger.command.diagnose"), icon: "debugger", enabled: canRun && !!evaluation, run: () => setFormOpen(true) },
    { id: "failures", title: t("debugger.command.failures"), icon: "tester", enabled: !!run, run: () => goTab("failures") },
    { id: "patch", title: t("debugger.command.patch"), icon: "builder", enabled: !!run && canBuild, run: () => goTab("patch") },
    { id: "compare", title: t("debugger.command.compare"), icon: "relation", enabled: finished.length > 1, run: () => goTab("compare") },
    { id: "loop", title: t("debugger.command.loop"), icon: "play", enabled: canLoop, run: runLoop },
    { id: "external", title: t("debugger.command.external"), icon: "report", enabled: true, run: () => goTab("external") },
  ]);

  const loading = evaluations.isPending || runs.isPending || benchmarks.isPending;
  const error = evaluations.error ?? runs.error ?? benchmarks.error;
  const formShown = canRun && !!evaluation && (formOpen || params.get("diagnose") === "1");
  const closeForm = () => { setFormOpen(false); if (params.get("diagnose")) navigate({ diagnose: null }, "replace"); };

  const content = () => {
    if (tab === "loop") {
      return <LoopPanel loopId={params.get("loop")} formOpen={params.get("newLoop") === "1"} onFormOpen={(open) => navigate({ newLoop: open ? "1" : null }, "replace")}
        onPick={(id) => navigate({ loop: id, newLoop: null }, "replace")} onCompare={(ids) => navigate({ tab: "compare", base: ids.baseline, cand: ids.candidate, ctl: ids.control }, "replace")} />;
    }
    if (tab === "external") return <ExternalPanel />;
    if (tab === "compare") {
      return <ComparePanel evaluations={evaluations.data ?? []} picks={picks} onPicks={(next) => navigate({ base: next.baseline, cand: next.candidate, ctl: next.control }, "replace")}
        onOpenResult={(evaluationId, itemId) => router.push(evaluationHref(projectId, { e: evaluationId, tab: "results", item: itemId }))} />;
    }
    if (!run) return <FirstDiagnosis evaluationId={evaluation?.id ?? null} canRun={canRun} canLoop={canLoop} onStarted={onStarted} onRunLoop={runLoop} />;
    if (tab === "patch") {
      return run.status === "ready" ? <PatchPlanner key={run.id} run={run} canBuild={canBuild} />
        : <EmptyState icon="builder" title={t("debugger.patch.waitTitle")} className="rounded-md border border-dashed border-line-strong">{t("debugger.patch.notReady")}</EmptyState>;
    }
    return (
      <FailuresSection run={run} detail={detail.data} detailError={detail.error} onRetry={() => void detail.refetch()} canReview={canReview}
        selectedId={selectedId} onSelect={setSelectedId} openId={openId} onOpen={openTrace} onClose={closeTrace} onPlanPatch={() => goTab("patch")} />
    );
  };

  return (
    <div className="flex h-full min-h-0 flex-col gap-3 overflow-auto px-6 py-4" data-testid="debugger-view">
      <StageHeader stage="debugger" description={t("debugger.description")}>
        <div className="flex flex-wrap items-center gap-2">
          {diagnosable.length > 0 ? (
            <select aria-label={t("debugger.pickEvaluation")} value={evaluation?.id ?? ""} onChange={(event) => navigate({ e: event.target.value, run: null, d: null }, "replace")}
              className={cx(CONTROL_CLASS, "h-7 w-64!")} data-testid="debugger-evaluation-picker">
              {evaluation ? null : <option value="">—</option>}
              {diagnosable.map((e) => <option key={e.id} value={e.id}>{evaluationName(e)} · {e.benchmarkName}</option>)}
            </select>
          ) : null}
          {runsOfEvaluation.length > 0 ? (
            <select aria-label={t("debugger.pickRun")} value={run?.id ?? ""} onChange={(event) => navigate({ run: event.target.value, d: null }, "replace")}
              className={cx(CONTROL_CLASS, "h-7 w-56!")} data-testid="debugger-run-picker">
              {runsOfEvaluation.map((r) => (
                <option key={r.id} value={r.id}>{formatDateTime(r.createdAt, locale)} · {r.judge.kind === "builtin" ? t("debugger.diagnose.judgeBuiltin") : r.judge.providerName} · {artifactStatusLabel(r.status, t)}</option>
              ))}
            </select>
          ) : null}
          {run ? <LineageButton type="diagnosis_run" id={run.id} /> : evaluation ? <LineageButton type="evaluation" id={evaluation.id} /> : null}
          {canRun && evaluation && run ? <Button variant="primary" icon="debugger" onClick={() => setFormOpen(true)} data-testid="debugger-diagnose-open">{t("debugger.diagnose.open")}</Button> : null}
        </div>
      </StageHeader>
      {openId ? null : <PipelineSteps current="debugger" />}
      {followed ? (
        <ArtifactProgress
          title={t("debugger.progress.title", { evaluation: diagnosable.find((e) => e.id === followed.evaluationId)?.model.name ?? "" })}
          icon="debugger" status={followed.status} jobId={followed.jobId} error={followed.error}
          refresh={debuggerKeys.project(projectId)} testId="debugger-run"
          figures={followed.counts ? [
            ["failed", t("debugger.counts.failed"), formatCount(followed.counts.failed, locale)],
            ["gap", t("debugger.label.concept_gap"), formatCount(followed.counts.concept_gap, locale)],
            ["deficit", t("debugger.label.reasoning_deficit"), formatCount(followed.counts.reasoning_deficit, locale)],
          ] : []}
          onDismiss={() => dismiss(followed.id)}
          onOpen={followed.id !== run?.id ? () => { dismiss(followed.id); navigate({ e: followed.evaluationId, run: followed.id, tab: "failures", d: null }, "replace"); } : undefined}
        />
      ) : null}
      {loading ? (
        <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("debugger.loading")}</p>
      ) : error ? (
        <ErrorMessage error={error} onRetry={() => { void evaluations.refetch(); void runs.refetch(); void benchmarks.refetch(); }} />
      ) : (
        <div className="flex min-h-[30rem] flex-1 flex-col">
          <DebuggerSections tab={tab} onTab={goTab} run={run}>{content()}</DebuggerSections>
        </div>
      )}
      <Dialog open={formShown} onClose={closeForm} title={t("debugger.diagnose.title")} description={t("debugger.diagnose.description")} className="w-[min(40rem,calc(100vw-2rem))]">
        {formShown && evaluation ? <DiagnoseForm evaluationId={evaluation.id} onStarted={onStarted} onCancel={closeForm} /> : null}
      </Dialog>
    </div>
  );
}
