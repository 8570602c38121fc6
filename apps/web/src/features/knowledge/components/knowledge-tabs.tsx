"use client";

import { useRef } from "react";
import { Icon, type TIconName } from "@/components/icons";
import { cx } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { useT } from "@/i18n/i18n-provider";
import type { TKnowledgeVersionDto } from "@/lib/api-types";
import { KNOWLEDGE_TABS, type TKnowledgeTab } from "../hooks/use-knowledge-params";
import { ChainsTable } from "./chains-table";
import { ConceptsTable } from "./concepts-table";
import { QualityReport } from "./quality-report";
import { RelationsTable } from "./relations-table";
import { VersionsList } from "./versions-list";

const TAB_ICONS: Record<TKnowledgeTab, TIconName> = { report: "report", concepts: "knowledge", relations: "relation", chains: "chain", versions: "audit" };

/** Why a version's data cannot be shown yet (or ever). */
function NotReady({ version }: { version: TKnowledgeVersionDto | null }) {
  const t = useT();
  if (!version) return <EmptyState icon="knowledge" title={t("knowledge.notReady.noneTitle")}>{t("knowledge.notReady.noneBody")}</EmptyState>;
  if (version.status === "failed" || version.status === "cancelled") {
    return (
      <EmptyState icon="alert" title={t(version.status === "failed" ? "knowledge.notReady.failedTitle" : "knowledge.notReady.cancelledTitle", { number: version.number })}>
        {version.error ?? t("knowledge.notReady.rerun")}
      </EmptyState>
    );
  }
  return (
    <EmptyState icon="jobs" title={t("knowledge.notReady.buildingTitle", { number: version.number })}>
      <span className="inline-flex items-center gap-2"><Spinner size={12} /> {t("knowledge.notReady.buildingBody")}</span>
    </EmptyState>
  );
}

/** The sections of a version: report, L1 concepts, L2 relations, L3 chains, and all versions. */
export function KnowledgeTabs({
  tab,
  onTab,
  version,
  versions,
  disciplines,
  onOpenVersion,
  onOpenConcept,
  onOpenChain,
}: {
  tab: TKnowledgeTab;
  onTab: (tab: TKnowledgeTab) => void;
  version: TKnowledgeVersionDto | null;
  versions: TKnowledgeVersionDto[];
  disciplines: string[];
  onOpenVersion: (id: string) => void;
  onOpenConcept: (id: string) => void;
  onOpenChain: (id: string) => void;
}) {
  const t = useT();
  const tabList = useRef<HTMLDivElement>(null);
  const ready = version?.status === "ready";

  const onKeyDown = (event: React.KeyboardEvent, index: number) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    const next = KNOWLEDGE_TABS[(index + (event.key === "ArrowRight" ? 1 : -1) + KNOWLEDGE_TABS.length) % KNOWLEDGE_TABS.length]!;
    onTab(next);
    tabList.current?.querySelector<HTMLElement>(`#knowledge-tab-${next}`)?.focus();
  };

  const panel = (id: TKnowledgeTab, children: React.ReactNode, scroll = false) =>
    tab === id ? (
      <div id={`knowledge-panel-${id}`} role="tabpanel" aria-labelledby={`knowledge-tab-${id}`} className={cx("flex min-h-0 flex-1 flex-col", scroll && "overflow-auto")}>
        {children}
      </div>
    ) : null;

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3">
      <div ref={tabList} role="tablist" aria-label={t("knowledge.sections")} className="flex shrink-0 gap-1 overflow-x-auto border-b border-line">
        {KNOWLEDGE_TABS.map((id, index) => (
          <button
            key={id}
            id={`knowledge-tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls={`knowledge-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => onTab(id)}
            onKeyDown={(event) => onKeyDown(event, index)}
            className={cx("-mb-px flex items-center gap-1.5 border-b-2 px-3 py-1.5 text-[13px] whitespace-nowrap", tab === id ? "border-accent text-strong" : "border-transparent text-muted hover:text-strong")}
          >
            <Icon name={TAB_ICONS[id]} size={14} />
            {t(`knowledge.tab.${id}`)}
          </button>
        ))}
      </div>
      {panel("report", ready ? <QualityReport version={version} /> : <NotReady version={version} />, true)}
      {panel("concepts", ready ? <ConceptsTable key={version.id} versionId={version.id} disciplines={disciplines} onOpenConcept={onOpenConcept} /> : <NotReady version={version} />)}
      {panel("relations", ready ? <RelationsTable key={version.id} versionId={version.id} disciplines={disciplines} onOpenConcept={onOpenConcept} /> : <NotReady version={version} />)}
      {panel("chains", ready ? <ChainsTable key={version.id} versionId={version.id} disciplines={disciplines} onOpenChain={onOpenChain} /> : <NotReady version={version} />)}
      {panel("versions", <VersionsList versions={versions} currentId={version?.id ?? null} onOpen={onOpenVersion} />, true)}
    </div>
  );
}
