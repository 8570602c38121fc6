"use client";

import { can } from "@proda/core";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { Dialog } from "@/components/ui/dialog";
import { ErrorMessage } from "@/components/ui/error-message";
import { Spinner } from "@/components/ui/spinner";
import { useFollowedArtifact } from "@/features/benchmarks/hooks/use-followed-artifact";
import { useCorpusFunnel } from "@/features/corpus/hooks/use-corpus-funnel";
import { GraphOverview } from "@/features/graph/components/graph-overview";
import { OverviewToggle } from "@/features/graph/components/overview-toggle";
import { useOverviewParam } from "@/features/graph/hooks/use-overview-param";
import { PipelineSteps, StageHeader } from "@/features/workbench/components/stage-header";
import { useJobFocus, useWorkbench } from "@/features/workbench/components/workbench-context";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TKnowledgeVersionDto } from "@/lib/api-types";
import { useKnowledgeParams } from "../hooks/use-knowledge-params";
import { useKnowledgeVersion } from "../hooks/use-knowledge-version";
import { useKnowledgeVersions } from "../hooks/use-knowledge-versions";
import { readReport } from "../lib/report";
import { defaultVersion, isBuilding } from "../lib/version-status";
import { ChainView } from "./chain-view";
import { ConceptDetail } from "./concept-detail";
import { ExportMenu } from "./export-menu";
import { FirstRun } from "./first-run";
import { KnowledgeTabs } from "./knowledge-tabs";
import { NeighbourhoodExplorer } from "./neighbourhood-explorer";
import { RunForm } from "./run-form";
import { RunProgress } from "./run-progress";
import { VersionPicker } from "./version-picker";
import { formatCount } from "@/i18n/format";

/**
 * Stage 2: run an extraction, follow it, and read the resulting knowledge version — its quality
 * report, L1/L2/L3 tables, concept details, chain views and the neighbourhood explorer. The URL
 * holds the version, the section and what is open (see use-knowledge-params.ts).
 */
export function KnowledgeView() {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role } = useWorkbench();
  const { selectJob } = useJobFocus();
  const params = useKnowledgeParams();
  const { navigate } = params;
  const versions = useKnowledgeVersions(projectId);
  const list = versions.data ?? [];
  const building = list.find(isBuilding) ?? null;
  const funnel = useCorpusFunnel(projectId, { poll: false });
  const keptChunks = funnel.data ? (funnel.data.total.stages.find((s) => s.stage === "kept")?.count ?? 0) : null;
  const chosenId = params.versionId && list.some((v) => v.id === params.versionId) ? params.versionId : (defaultVersion(list)?.id ?? null);
  const detail = useKnowledgeVersion(projectId, chosenId);
  const version = detail.data ?? list.find((v) => v.id === chosenId) ?? null;
  const ready = version?.status === "ready";
  const report = readReport(version);
  const disciplines = report?.disciplines.map((d) => d.discipline) ?? funnel.data?.disciplines.map((d) => d.discipline) ?? [];
  const canRun = can(role, "knowledge.run");
  const overview = useOverviewParam();
  const showOverview = ready && !!version && overview.open;
  const [runOpen, setRunOpen] = useState(false);

  const { followed, follow, dismiss } = useFollowedArtifact(list, isBuilding);

  const onStarted = useCallback(
    (started: TKnowledgeVersionDto) => {
      setRunOpen(false);
      follow(started.id);
      if (started.jobId) selectJob(started.jobId);
    },
    [follow, selectJob],
  );
  const openConcept = useCallback((id: string) => navigate({ concept: id }, params.conceptId ? "replace" : "push"), [navigate, params.conceptId]);
  const openChain = useCallback((id: string) => navigate({ chain: id, explore: null }, "push"), [navigate]);
  const explore = useCallback((id: string) => navigate({ explore: id, chain: null }, "push"), [navigate]);
  const openVersion = (id: string) => navigate({ v: id, concept: null, chain: null, explore: null, tab: params.tab === "versions" ? "report" : params.tab }, "replace");
  const overlay = ready && (params.chainId || params.exploreId);
  const tab = params.tab ?? (ready || list.length === 0 ? "report" : "versions");
  // Closing a panel or a view puts the keyboard back on the open tab's table (or the tab itself).
  const refocus = () =>
    requestAnimationFrame(() =>
      (showOverview
        ? document.querySelector<HTMLElement>("[data-testid=graph-overview-canvas]")
        : (document.querySelector<HTMLElement>(`#knowledge-panel-${tab} [role=grid]`) ?? document.getElementById(`knowledge-tab-${tab}`)))?.focus(),
    );

  return (
    <div className="flex h-full min-h-0 flex-col gap-3 overflow-auto px-6 py-4">
      <StageHeader stage="knowledge" description={t("knowledge.description")}>
        <div className="flex flex-wrap items-center gap-2">
          {report ? (
            <span className="mr-2 text-xs text-muted" data-testid="knowledge-totals">
              {t("knowledge.totals", { concepts: formatCount(report.total.concepts, locale), relations: formatCount(report.total.relations, locale), chains: formatCount(report.total.chains, locale) })}
            </span>
          ) : null}
          {list.length > 0 ? <VersionPicker versions={list} value={chosenId} onChange={openVersion} /> : null}
          {ready && version ? <OverviewToggle /> : null}
          {ready && version ? <ExportMenu projectId={projectId} versionId={version.id} disciplines={disciplines} /> : null}
          {canRun && list.length > 0 ? (
            <Button variant="primary" icon="play" onClick={() => setRunOpen(true)} disabled={!!building} title={building ? t("knowledge.run.busy") : undefined}>
              {t("knowledge.run.open")}
            </Button>
          ) : null}
        </div>
      </StageHeader>
      {overlay ? null : <PipelineSteps current="knowledge" />}
      {followed ? (
        <RunProgress
          version={followed}
          onDismiss={() => dismiss(followed.id)}
          onOpen={followed.id !== chosenId ? () => { dismiss(followed.id); openVersion(followed.id); } : undefined}
        />
      ) : null}

      {versions.isPending ? (
        <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("knowledge.loading")}</p>
      ) : versions.isError ? (
        <ErrorMessage error={versions.error} onRetry={() => void versions.refetch()} />
      ) : list.length === 0 ? (
        <FirstRun keptChunks={keptChunks} disciplines={funnel.data?.disciplines ?? []} canRun={canRun} onStarted={onStarted} />
      ) : (
        <div className="flex min-h-[30rem] flex-1 flex-col gap-3 lg:flex-row">
          <div className="flex min-h-0 min-w-0 flex-1 flex-col">
            {overlay && version && params.chainId ? (
              <ChainView key={params.chainId} versionId={version.id} chainId={params.chainId} editable={ready} onClose={() => { navigate({ chain: null }, "replace"); refocus(); }} onOpenConcept={openConcept} />
            ) : overlay && version && params.exploreId ? (
              <NeighbourhoodExplorer
                versionId={version.id}
                conceptId={params.exploreId}
                hops={params.hops}
                onHops={(hops) => navigate({ hops: hops === 2 ? "2" : null }, "replace")}
                onRecentre={explore}
                onOpenConcept={openConcept}
                onClose={() => { navigate({ explore: null, hops: null }, "replace"); refocus(); }}
              />
            ) : null}
            {showOverview ? (
              <div className={cx("min-h-0 flex-1 flex-col", overlay ? "hidden" : "flex")}>
                <GraphOverview key={version.id} versionId={version.id} report={report} onExplore={explore} />
              </div>
            ) : null}
            <div className={cx("min-h-0 flex-1 flex-col", overlay || showOverview ? "hidden" : "flex")}>
              <KnowledgeTabs
                tab={tab}
                onTab={(next) => navigate({ tab: next }, "replace")}
                version={version}
                versions={list}
                disciplines={disciplines}
                onOpenVersion={openVersion}
                onOpenConcept={openConcept}
                onOpenChain={openChain}
              />
            </div>
          </div>
          {ready && version && params.conceptId ? (
            <ConceptDetail
              key={version.id}
              versionId={version.id}
              conceptId={params.conceptId}
              editable={ready}
              onClose={() => { navigate({ concept: null }, "replace"); refocus(); }}
              onOpenConcept={openConcept}
              onOpenChain={openChain}
              onExplore={explore}
            />
          ) : null}
        </div>
      )}
      <Dialog open={runOpen} onClose={() => setRunOpen(false)} title={t("knowledge.run.title")} description={t("knowledge.run.description")} className="w-[min(40rem,calc(100vw-2rem))]">
        <RunForm disciplines={funnel.data?.disciplines ?? []} onStarted={onStarted} onCancel={() => setRunOpen(false)} />
      </Dialog>
    </div>
  );
}
