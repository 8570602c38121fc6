"use client";

import { can } from "@proda/core";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { CONTROL_CLASS } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import type { TReport } from "@/features/knowledge/lib/report";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import { useGraphLayouts } from "../hooks/use-graph-layouts";
import { useGraphOverlay } from "../hooks/use-graph-overlay";
import { useLayoutData } from "../hooks/use-layout-data";
import { useOverlaySources } from "../hooks/use-overlay-sources";
import { useOverviewColouring } from "../hooks/use-overview-colouring";
import { useOverviewParam } from "../hooks/use-overview-param";
import { useStartLayout } from "../hooks/use-start-layout";
import type { TColourMode } from "../lib/colours";
import { ALL_DISCIPLINES } from "../lib/layout-format";
import { LayoutStatus } from "./layout-status";
import { OverviewCanvas, type TCanvasControls } from "./overview-canvas";
import { OverviewLegend } from "./overview-legend";
import { OverviewSearch } from "./overview-search";

const MODES: TColourMode[] = ["type", "community", "coverage", "failure"];
/** Above this many concepts the overview opens on the largest discipline rather than on all. */
const ALL_BY_DEFAULT_MAX = 50_000;

/** The discipline to open on: the URL's, else all of a small version, else its largest discipline. */
export function defaultDiscipline(report: Pick<TReport, "total" | "disciplines"> | null): string {
  if (!report || report.total.concepts <= ALL_BY_DEFAULT_MAX || report.disciplines.length === 0) return ALL_DISCIPLINES;
  return [...report.disciplines].sort((a, b) => b.concepts - a.concepts)[0]!.discipline;
}

/**
 * The whole graph of a discipline (or of the version) at once: a layout computed by the worker,
 * drawn on a canvas (see README.md), coloured by type, community, dataset coverage or evaluation
 * failures, with search-to-zoom; opening a node shows its neighbourhood in the React Flow explorer.
 */
export function GraphOverview({ versionId, report, onExplore }: { versionId: string; report: TReport | null; onExplore: (conceptId: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role } = useWorkbench();
  const param = useOverviewParam();
  const discipline = param.discipline ?? defaultDiscipline(report);
  const label = discipline === ALL_DISCIPLINES ? t("graph.allDisciplines") : discipline;
  const layouts = useGraphLayouts(projectId, versionId);
  const layout = layouts.data?.find((l) => l.discipline === discipline) ?? null;
  const start = useStartLayout(projectId, versionId);
  const data = useLayoutData(projectId, versionId, layout?.status === "ready" ? layout : null);
  const [mode, setMode] = useState<TColourMode>("type");
  const sources = useOverlaySources(projectId, versionId);
  const [sourceIds, setSourceIds] = useState<Partial<Record<"coverage" | "failure", string>>>({});
  const overlayMode = mode === "coverage" || mode === "failure" ? mode : null;
  const sourceId = overlayMode ? (sourceIds[overlayMode] ?? sources[overlayMode][0]?.id) : undefined;
  const overlay = useGraphOverlay(projectId, versionId, data.data ? layout!.id : null, overlayMode && sourceId ? { kind: overlayMode, id: sourceId } : null);
  const colouring = useOverviewColouring(data.data, mode, overlay.data?.values);
  const [selected, setSelected] = useState(-1);
  const controls = useRef<TCanvasControls | null>(null);
  const indexOf = useMemo(() => new Map(data.data?.conceptIds.map((id, i) => [id, i])), [data.data]);
  const graph = data.data;
  // A selection is an index into one layout: another layout (discipline) starts without one.
  useEffect(() => setSelected(-1), [graph]);
  const canRun = can(role, "knowledge.run");
  const disciplines = report?.disciplines.map((d) => d.discipline) ?? [];

  const open = (node: number) => {
    if (graph && node >= 0) onExplore(graph.conceptIds[node]!);
  };

  return (
    <section aria-label={t("graph.title", { what: label })} data-testid="graph-overview" data-discipline={discipline} className="flex min-h-[32rem] flex-1 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        {disciplines.length > 1 ? (
          <select
            aria-label={t("graph.discipline")}
            value={discipline}
            onChange={(event) => {
              setSelected(-1);
              param.set(event.target.value);
            }}
            className={cx(CONTROL_CLASS, "h-7 w-48!")}
          >
            <option value={ALL_DISCIPLINES}>{t("graph.allDisciplines")}</option>
            {disciplines.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        ) : null}
        <select aria-label={t("graph.colourBy")} data-testid="graph-overview-mode" value={mode} onChange={(event) => setMode(event.target.value as TColourMode)} className={cx(CONTROL_CLASS, "h-7 w-44!")}>
          {MODES.map((m) => <option key={m} value={m}>{t(`graph.mode.${m}`)}</option>)}
        </select>
        {overlayMode ? (
          sources[overlayMode].length ? (
            <select
              aria-label={t(overlayMode === "coverage" ? "graph.source.dataset" : "graph.source.evaluation")}
              data-testid="graph-overview-source"
              value={sourceId}
              onChange={(event) => setSourceIds((s) => ({ ...s, [overlayMode]: event.target.value }))}
              className={cx(CONTROL_CLASS, "h-7 w-64!")}
            >
              {sources[overlayMode].map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
            </select>
          ) : (
            <span className="text-xs text-muted">{sources.loading ? <Spinner size={12} /> : t(overlayMode === "coverage" ? "graph.source.noDatasets" : "graph.source.noEvaluations")}</span>
          )
        ) : null}
        {overlay.isFetching ? <Spinner size={12} label={t("graph.overlay.loading")} /> : null}
        {graph ? (
          <OverviewSearch
            versionId={versionId}
            discipline={discipline === ALL_DISCIPLINES ? undefined : discipline}
            onPick={(concept) => {
              const node = indexOf.get(concept.id);
              if (node === undefined) return false;
              setSelected(node);
              controls.current?.focusNode(node);
              return true;
            }}
          />
        ) : null}
        {graph ? (
          <span className="ml-auto text-xs text-muted" data-testid="graph-overview-counts">
            {t("graph.counts", { nodes: formatCount(graph.nodeCount, locale), edges: formatCount(graph.edgeCount, locale), communities: formatCount(graph.communityCount, locale) })}
          </span>
        ) : null}
        {graph ? <Button size="sm" icon="refresh" onClick={() => controls.current?.fit()}>{t("graph.fit")}</Button> : null}
      </div>
      {overlay.isError ? <ErrorMessage error={overlay.error} onRetry={() => void overlay.refetch()} /> : null}

      {layouts.isPending ? (
        <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("graph.loading")}</p>
      ) : layouts.isError ? (
        <ErrorMessage error={layouts.error} onRetry={() => void layouts.refetch()} />
      ) : layout?.status !== "ready" ? (
        <LayoutStatus
          layout={layout}
          label={label}
          onCompute={canRun ? () => start.mutate(discipline === ALL_DISCIPLINES ? ALL_DISCIPLINES : discipline) : undefined}
          computing={start.isPending}
          computeError={start.error}
        />
      ) : data.isPending ? (
        <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("graph.loadingLayout", { nodes: formatCount(layout.nodeCount, locale) })}</p>
      ) : data.isError ? (
        <ErrorMessage error={data.error} onRetry={() => void data.refetch()} />
      ) : graph?.nodeCount === 0 ? (
        <EmptyState icon="overview" title={t("graph.empty", { what: label })} />
      ) : graph && colouring ? (
        <div className="flex min-h-0 flex-1 gap-3">
          <OverviewCanvas data={graph} colours={colouring} selected={selected} onSelect={setSelected} onOpen={open} controls={controls} />
          <aside className="flex w-56 shrink-0 flex-col gap-3 overflow-auto">
            {selected >= 0 ? (
              <div data-testid="graph-overview-selection" className="flex flex-col gap-1 rounded-md border border-line px-3 py-2 text-xs">
                <p className="truncate text-[13px] font-semibold text-strong" title={graph.terms[selected]}>{graph.terms[selected]}</p>
                <p className="text-muted">{t("graph.selection.facts", { type: graph.typeNames[graph.types[selected]!] ?? "", degree: graph.degrees[selected]!, community: graph.communities[selected]! + 1 })}</p>
                <Button size="sm" icon="relation" onClick={() => open(selected)}>{t("graph.selection.explore")}</Button>
              </div>
            ) : null}
            <OverviewLegend colouring={colouring} title={t(`graph.mode.${mode}`)} />
          </aside>
        </div>
      ) : null}
      <p id="graph-overview-help" className="text-[11px] text-muted">{t("graph.help")}</p>
      <p role="status" aria-live="polite" className="sr-only">{selected >= 0 && graph ? t("graph.selection.announce", { term: graph.terms[selected]! }) : ""}</p>
    </section>
  );
}
