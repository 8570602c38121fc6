"use client";

import { ReactFlowProvider } from "@xyflow/react";
import { useMemo } from "react";
import { Icon } from "@/components/icons";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { Spinner } from "@/components/ui/spinner";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useLocale, useT } from "@/i18n/i18n-provider";
import { ApiError } from "@/lib/api-client";
import { useConceptNeighbourhood } from "../hooks/use-concept-neighbourhood";
import { hopsFromCentre } from "../lib/ring-layout";
import { NeighbourhoodFlow } from "./neighbourhood-flow";
import { formatCount } from "@/i18n/format";

/** Edges asked for per hop: about 500 nodes at most either way (see the neighbourhood route). */
export const capFor = (hops: 1 | 2) => (hops === 1 ? 250 : 125);

/**
 * The graph around one concept: 1 or 2 hops, the centre in the middle. Clicking a node (or Enter on
 * it, or a name in the list) recentres; the centre opens its details.
 */
export function NeighbourhoodExplorer({
  versionId,
  conceptId,
  hops,
  onHops,
  onRecentre,
  onOpenConcept,
  onClose,
}: {
  versionId: string;
  conceptId: string;
  hops: 1 | 2;
  onHops: (hops: 1 | 2) => void;
  onRecentre: (conceptId: string) => void;
  onOpenConcept: (conceptId: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId } = useWorkbench();
  const hood = useConceptNeighbourhood(projectId, versionId, conceptId, hops, capFor(hops));
  const data = hood.data;
  const centre = data?.nodes.find((n) => n.id === data.center);
  const neighbours = useMemo(() => {
    if (!data) return [];
    const hops = hopsFromCentre(data.center, data.edges);
    return data.nodes
      .filter((n) => n.id !== data.center)
      .map((n) => ({ ...n, hop: hops.get(n.id) ?? n.hop }))
      .sort((a, b) => a.hop - b.hop || b.degree - a.degree || a.term.localeCompare(b.term));
  }, [data]);

  const pick = (id: string) => (id === data?.center ? onOpenConcept(id) : onRecentre(id));

  return (
    <section
      aria-label={centre ? t("knowledge.explore.label", { term: centre.term }) : t("knowledge.explore.loading")}
      data-testid="knowledge-explorer"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !event.defaultPrevented) onClose();
      }}
      className="flex min-h-[28rem] flex-1 flex-col gap-3"
    >
      <header className="flex flex-wrap items-center gap-3">
        <Button size="sm" variant="ghost" icon="arrowLeft" onClick={onClose} autoFocus>{t("knowledge.back")}</Button>
        <h3 className="min-w-0 truncate text-base font-semibold text-strong">
          {centre ? t("knowledge.explore.title", { term: centre.term }) : t("knowledge.explore.loading")}
        </h3>
        <div role="radiogroup" aria-label={t("knowledge.explore.hops")} className="flex gap-1 rounded-sm border border-line p-0.5">
          {([1, 2] as const).map((value) => (
            <button key={value} type="button" role="radio" aria-checked={hops === value} onClick={() => onHops(value)}
              className={cx("rounded-sm px-2 py-0.5 text-xs", hops === value ? "bg-selected text-strong" : "text-muted hover:bg-hover")}>
              {t(value === 1 ? "knowledge.explore.oneHop" : "knowledge.explore.twoHops")}
            </button>
          ))}
        </div>
        {hood.isFetching ? <Spinner size={12} label={t("knowledge.explore.loading")} /> : null}
        {data ? (
          <span className="text-xs text-muted" data-testid="knowledge-explorer-counts">
            {t("knowledge.explore.counts", { nodes: formatCount(data.nodes.length, locale), edges: formatCount(data.edges.length, locale) })}
          </span>
        ) : null}
        {centre ? <Button size="sm" className="ml-auto" icon="info" onClick={() => onOpenConcept(centre.id)}>{t("knowledge.explore.details")}</Button> : null}
      </header>
      {data?.truncated ? (
        <p role="status" className="flex items-center gap-2 rounded-sm border border-warning/50 bg-warning/10 px-3 py-1.5 text-xs text-strong" data-testid="knowledge-explorer-truncated">
          <Icon name="alert" size={14} className="text-warning" />
          {t("knowledge.explore.truncated", { cap: capFor(hops) })}
        </p>
      ) : null}
      {hood.isPending ? (
        <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("knowledge.explore.loading")}</p>
      ) : hood.isError && !data ? (
        hood.error instanceof ApiError && hood.error.status === 404 ? (
          <EmptyState icon="alert" title={t("knowledge.detail.goneTitle")} action={<Button onClick={onClose}>{t("knowledge.back")}</Button>}>{t("knowledge.detail.goneBody")}</EmptyState>
        ) : (
          <ErrorMessage error={hood.error} onRetry={() => void hood.refetch()} />
        )
      ) : data ? (
        <div className="@container flex min-h-0 flex-1 flex-col">
          <div className="flex min-h-0 flex-1 flex-col gap-3 @3xl:flex-row">
            <div className="relative h-[26rem] shrink-0 overflow-hidden rounded-md border border-line @3xl:h-auto @3xl:min-h-[26rem] @3xl:flex-1">
              <ReactFlowProvider>
                <NeighbourhoodFlow hood={data} onRecentre={pick} />
              </ReactFlowProvider>
              {data.edges.length === 0 ? (
                <p className="pointer-events-none absolute inset-x-0 bottom-4 text-center text-xs text-muted">{t("knowledge.explore.isolated")}</p>
              ) : null}
            </div>
            <nav aria-label={t("knowledge.explore.neighbours")} className="flex max-h-[20rem] min-h-0 flex-col rounded-md border border-line @3xl:max-h-none @3xl:w-60 @3xl:shrink-0">
              <h4 className="border-b border-line px-3 py-1.5 text-[11px] font-semibold text-muted uppercase">
                {t("knowledge.explore.neighbours")} ({formatCount(neighbours.length, locale)})
              </h4>
              <ul className="min-h-0 flex-1 overflow-auto py-1">
                {neighbours.map((n) => (
                  <li key={n.id}>
                    <button type="button" onClick={() => onRecentre(n.id)} title={t("knowledge.explore.recentre", { term: n.term })}
                      className="flex w-full items-center gap-2 px-3 py-0.5 text-left text-xs hover:bg-hover">
                      <span className={cx("h-2 w-2 shrink-0 rounded-full", n.hop === 1 ? "bg-info" : "bg-muted")} aria-hidden="true" />
                      <span className="min-w-0 flex-1 truncate text-fg">{n.term}</span>
                      <span className="text-muted tabular-nums" aria-label={t("knowledge.explore.hopDegree", { hop: n.hop, degree: n.degree })}>{n.hop}·{n.degree}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      ) : null}
    </section>
  );
}
