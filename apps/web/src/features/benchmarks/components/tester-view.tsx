"use client";

import { can } from "@proda/core";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorMessage } from "@/components/ui/error-message";
import { Spinner } from "@/components/ui/spinner";
import { useKnowledgeVersions } from "@/features/knowledge/hooks/use-knowledge-versions";
import { PipelineSteps, StageHeader } from "@/features/workbench/components/stage-header";
import { useJobFocus, useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TBenchmarkDto } from "@/lib/api-types";
import { useBenchmarks } from "../hooks/use-benchmarks";
import { useStageCommands } from "../hooks/use-stage-commands";
import { useFollowedArtifact } from "../hooks/use-followed-artifact";
import { useStageParams } from "../hooks/use-stage-params";
import { chooseArtifact, isBuilding } from "../lib/artifact-status";
import { BENCHMARK_EXPORT_FORMATS, benchmarkExportHref } from "../lib/export-formats";
import { benchmarkKeys } from "../query-keys";
import { ArtifactPicker } from "./artifact-picker";
import { ArtifactProgress } from "./artifact-progress";
import { BenchmarkForm } from "./benchmark-form";
import { BenchmarkSections, TESTER_TABS, type TTesterTab } from "./benchmark-sections";
import { DownloadMenu } from "@/components/ui/download-menu";
import { FirstBenchmark } from "./first-benchmark";
import { FreezeBenchmarkDialog } from "./freeze-benchmark-dialog";
import { ITEM_ID_PREFIX } from "./items-table";
import { ItemDetail } from "./item-detail";

/**
 * Stage 3: build a benchmark from a knowledge version, follow it, then read its statistics, review
 * its items (each distractor beside the relation it perturbs), freeze and export it. The URL holds
 * the benchmark (`?b=`), the section (`?tab=`) and the open item (`?item=`).
 */
export function TesterView() {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role } = useWorkbench();
  const { selectJob } = useJobFocus();
  const params = useStageParams();
  const { navigate } = params;
  const benchmarks = useBenchmarks(projectId);
  const knowledge = useKnowledgeVersions(projectId);
  const readyVersions = (knowledge.data ?? []).filter((v) => v.status === "ready");
  const list = benchmarks.data ?? [];
  const benchmark = chooseArtifact(list, params.get("b"));
  const itemId = params.get("item");
  const canRun = can(role, "benchmark.run");
  const canFreeze = can(role, "benchmark.manage") && benchmark?.status === "ready";
  const reviewable = can(role, "benchmark.review") && benchmark?.status === "ready";
  const [formOpen, setFormOpen] = useState(false);
  const [freezeOpen, setFreezeOpen] = useState(false);
  const [selectedItemId, setSelectedItemId] = useState<string | null>(null);
  const [editRequested, setEditRequested] = useState(false);

  // A build seen while the view is open stays shown when it ends, whoever started it.
  const { followed, follow, dismiss } = useFollowedArtifact(list, isBuilding);

  const tab: TTesterTab = params.tab(TESTER_TABS) ?? "stats";
  const openBenchmark = useCallback((id: string) => navigate({ b: id, item: null, tab: tab === "benchmarks" ? "stats" : tab }, "replace"), [navigate, tab]);
  const onStarted = (started: TBenchmarkDto) => {
    setFormOpen(false);
    follow(started.id);
    if (started.jobId) selectJob(started.jobId);
    navigate({ b: started.id, item: null }, "replace");
  };
  const openItem = useCallback((id: string, edit = false) => {
    setSelectedItemId(id);
    setEditRequested(edit);
    navigate({ item: id }, itemId ? "replace" : "push");
  }, [navigate, itemId]);
  const closeItem = () => {
    navigate({ item: null }, "replace");
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[id^="${ITEM_ID_PREFIX}-"]`)?.closest<HTMLElement>("[role=grid]")?.focus());
  };

  useStageCommands("tester", t("stages.tester.name"), [
    { id: "new", title: t("benchmarks.command.new"), icon: "play", enabled: canRun && readyVersions.length > 0, run: () => setFormOpen(true) },
    { id: "items", title: t("benchmarks.command.items"), icon: "tester", enabled: !!benchmark, run: () => navigate({ tab: "items" }) },
    { id: "stats", title: t("benchmarks.command.stats"), icon: "report", enabled: !!benchmark, run: () => navigate({ tab: "stats" }) },
    { id: "freeze", title: t("benchmarks.command.freeze"), icon: "check", enabled: !!canFreeze, run: () => setFreezeOpen(true) },
  ]);

  return (
    <div className="flex h-full min-h-0 flex-col gap-3 overflow-auto px-6 py-4">
      <StageHeader stage="tester" description={t("benchmarks.description")}>
        <div className="flex flex-wrap items-center gap-2">
          {benchmark ? (
            <span className="mr-2 text-xs text-muted" data-testid="benchmark-totals">
              {t("benchmarks.totals", { items: formatCount(benchmark.itemCount, locale), reviewed: formatCount(benchmark.itemCount - (benchmark.review?.pending ?? 0), locale) })}
            </span>
          ) : null}
          {list.length > 0 ? <ArtifactPicker label={t("benchmarks.pick")} items={list} value={benchmark?.id ?? null} onChange={openBenchmark} testId="benchmark-picker" /> : null}
          {benchmark && (benchmark.status === "ready" || benchmark.status === "frozen") ? (
            <DownloadMenu label={t("benchmarks.export.button")} title={t("benchmarks.export.title")} testId="benchmark-export"
              downloads={BENCHMARK_EXPORT_FORMATS.map((format) => ({ id: format, label: t(`benchmarks.export.${format}`), hint: t(`benchmarks.export.${format}.hint`), href: benchmarkExportHref(projectId, benchmark.id, format) }))} />
          ) : null}
          {canFreeze ? <Button icon="check" onClick={() => setFreezeOpen(true)}>{t("benchmarks.freeze.button")}</Button> : null}
          {canRun && list.length > 0 ? (
            <Button variant="primary" icon="play" onClick={() => setFormOpen(true)} disabled={readyVersions.length === 0} title={readyVersions.length === 0 ? t("benchmarks.empty.noKnowledgeTitle") : undefined}>
              {t("benchmarks.form.open")}
            </Button>
          ) : null}
        </div>
      </StageHeader>
      {itemId ? null : <PipelineSteps current="tester" />}
      {followed ? (
        <ArtifactProgress
          title={t("benchmarks.progress.title", { number: followed.number, name: followed.name })}
          icon="tester"
          status={followed.status}
          jobId={followed.jobId}
          error={followed.error}
          refresh={benchmarkKeys.project(projectId)}
          testId="benchmark-run"
          figures={[["items", t("benchmarks.progress.items"), formatCount(followed.itemCount, locale)]]}
          onDismiss={() => dismiss(followed.id)}
          onOpen={followed.id !== benchmark?.id ? () => { dismiss(followed.id); openBenchmark(followed.id); } : undefined}
        />
      ) : null}

      {benchmarks.isPending || knowledge.isPending ? (
        <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("benchmarks.loading")}</p>
      ) : benchmarks.isError ? (
        <ErrorMessage error={benchmarks.error} onRetry={() => void benchmarks.refetch()} />
      ) : knowledge.isError ? (
        <ErrorMessage error={knowledge.error} onRetry={() => void knowledge.refetch()} />
      ) : !benchmark ? (
        <FirstBenchmark versions={readyVersions} canRun={canRun} onStarted={onStarted} />
      ) : (
        <div className="flex min-h-[30rem] flex-1 flex-col gap-3 lg:flex-row">
          <div className="flex min-h-0 min-w-0 flex-1 flex-col">
            <BenchmarkSections
              projectId={projectId}
              benchmark={benchmark}
              benchmarks={list}
              tab={tab}
              onTab={(next) => navigate({ tab: next }, "replace")}
              reviewable={reviewable}
              selectedItemId={selectedItemId}
              onSelectItem={setSelectedItemId}
              onOpenItem={openItem}
              onOpenBenchmark={openBenchmark}
            />
          </div>
          {itemId && (benchmark.status === "ready" || benchmark.status === "frozen") ? (
            <ItemDetail key={`${benchmark.id}:${itemId}:${editRequested}`} benchmarkId={benchmark.id} itemId={itemId} reviewable={reviewable} maxLengthRatio={benchmark.settings?.maxLengthRatio ?? 1.3} startEditing={editRequested} onClose={closeItem} />
          ) : null}
        </div>
      )}
      {benchmark && canFreeze ? <FreezeBenchmarkDialog projectId={projectId} benchmark={benchmark} open={freezeOpen} onClose={() => setFreezeOpen(false)} /> : null}
      <Dialog open={formOpen} onClose={() => setFormOpen(false)} title={t("benchmarks.form.title")} description={t("benchmarks.form.description")} className="w-[min(44rem,calc(100vw-2rem))]">
        {formOpen ? <BenchmarkForm versions={readyVersions} onStarted={onStarted} onCancel={() => setFormOpen(false)} /> : null}
      </Dialog>
    </div>
  );
}
