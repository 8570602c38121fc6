"use client";

import { useJobFocus, useWorkbench } from "@/features/workbench/components/workbench-context";
import { ViewFrame } from "@/features/workbench/components/view-frame";
import { useT } from "@/i18n/i18n-provider";
import { JobsExplorer } from "./jobs-explorer";

/** The Jobs editor tab: the same live list as the bottom panel, with room to breathe. */
export function JobsView() {
  const t = useT();
  const { projectId, role } = useWorkbench();
  const { selectedJobId, selectJob, stream } = useJobFocus();
  return (
    <ViewFrame icon="jobs" title={t("views.jobs")} description={t("jobs.viewDescription")} wide>
      <div className="h-[calc(100vh-16rem)] min-h-72 overflow-hidden rounded-md border border-line">
        <JobsExplorer
          projectId={projectId}
          role={role}
          selectedJobId={selectedJobId}
          onSelect={selectJob}
          streamStatus={stream.status}
        />
      </div>
    </ViewFrame>
  );
}
