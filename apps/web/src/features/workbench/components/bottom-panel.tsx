"use client";

import { useRef } from "react";
import { IconButton } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { JobsExplorer } from "@/features/jobs/components/jobs-explorer";
import { LogsView } from "@/features/jobs/components/logs-view";
import { ProblemsView } from "@/features/jobs/components/problems-view";
import { useProjectJobs } from "@/features/jobs/hooks/use-project-jobs";
import { isActive } from "@/features/jobs/lib/job-status";
import { useT } from "@/i18n/i18n-provider";
import type { TPanelTab } from "../hooks/use-workbench-layout";
import { useJobFocus, useWorkbench } from "./workbench-context";

const PANEL_TABS: TPanelTab[] = ["jobs", "logs", "problems"];

export function BottomPanel({ height }: { height: number }) {
  const t = useT();
  const { projectId, role, layout } = useWorkbench();
  const { selectedJobId, selectJob, stream } = useJobFocus();
  const jobs = useProjectJobs(projectId);
  const items = jobs.data?.pages.flatMap((page) => page.items) ?? [];
  const counts: Record<TPanelTab, number | null> = {
    jobs: items.filter(isActive).length || null,
    logs: null,
    problems: items.filter((job) => job.status === "failed").length || null,
  };
  const listRef = useRef<HTMLDivElement>(null);
  const tab = layout.panelTab;

  const onTabKeyDown = (event: React.KeyboardEvent, index: number) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    const next = PANEL_TABS[(index + (event.key === "ArrowRight" ? 1 : -1) + PANEL_TABS.length) % PANEL_TABS.length];
    layout.setPanelTab(next);
    listRef.current?.querySelector<HTMLElement>(`#panel-tab-${next}`)?.focus();
  };

  return (
    <section aria-label={t("panel.label")} style={{ height }} className="flex shrink-0 flex-col border-t border-line bg-surface">
      <div className="flex h-[35px] shrink-0 items-center justify-between px-2">
        <div ref={listRef} role="tablist" aria-label={t("panel.label")} className="flex h-full items-center gap-1">
          {PANEL_TABS.map((id, index) => (
            <button
              key={id}
              id={`panel-tab-${id}`}
              type="button"
              role="tab"
              aria-selected={tab === id}
              aria-controls="panel-content"
              tabIndex={tab === id ? 0 : -1}
              onClick={() => layout.setPanelTab(id)}
              onKeyDown={(event) => onTabKeyDown(event, index)}
              className={cx(
                "flex h-full items-center gap-1.5 border-b px-2 text-[11px] tracking-wide uppercase",
                tab === id ? "border-accent text-strong" : "border-transparent text-muted hover:text-strong",
              )}
            >
              {t(`panel.${id}`)}
              {counts[id] ? (
                <span
                  className={cx(
                    "rounded-full px-1.5 text-[10px] leading-4",
                    id === "problems" ? "bg-danger text-white" : "bg-accent text-accent-fg",
                  )}
                >
                  {counts[id]}
                </span>
              ) : null}
            </button>
          ))}
        </div>
        <IconButton icon="close" label={t("panel.hide")} onClick={layout.togglePanel} />
      </div>
      <div id="panel-content" role="tabpanel" aria-labelledby={`panel-tab-${tab}`} className="min-h-0 flex-1 overflow-hidden">
        {tab === "jobs" ? (
          <JobsExplorer
            projectId={projectId}
            role={role}
            selectedJobId={selectedJobId}
            onSelect={selectJob}
            streamStatus={stream.status}
          />
        ) : tab === "logs" ? (
          <LogsView projectId={projectId} liveEvents={stream.events} />
        ) : (
          <ProblemsView
            projectId={projectId}
            onOpenJob={(jobId) => {
              selectJob(jobId);
              layout.setPanelTab("jobs");
            }}
          />
        )}
      </div>
    </section>
  );
}
