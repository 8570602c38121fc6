"use client";

import type { TRole } from "@proda/core";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { Spinner } from "@/components/ui/spinner";
import { useT } from "@/i18n/i18n-provider";
import { useJob } from "../hooks/use-job";
import type { TStreamStatus } from "../hooks/use-job-stream";
import { useProjectJobs } from "../hooks/use-project-jobs";
import { JobDetails } from "./job-details";
import { JobsTable } from "./jobs-table";

/** The project's jobs with the selected one's live details beside them. */
export function JobsExplorer({
  projectId,
  role,
  selectedJobId,
  onSelect,
  streamStatus,
}: {
  projectId: string;
  role: TRole;
  selectedJobId: string | null;
  onSelect: (jobId: string | null) => void;
  streamStatus: TStreamStatus;
}) {
  const t = useT();
  const jobs = useProjectJobs(projectId);
  const selected = useJob(selectedJobId, { poll: streamStatus !== "open" });
  const items = jobs.data?.pages.flatMap((page) => page.items) ?? [];
  const selectedJob = selected.data ?? items.find((job) => job.id === selectedJobId);

  if (jobs.isPending) {
    return (
      <p role="status" className="flex items-center gap-2 p-3 text-muted">
        <Spinner /> {t("jobs.loading")}
      </p>
    );
  }
  if (jobs.isError) return <ErrorMessage error={jobs.error} onRetry={() => void jobs.refetch()} className="m-3" />;
  if (items.length === 0) {
    return (
      <EmptyState icon="jobs" title={t("jobs.emptyTitle")} className="py-6">
        {t("jobs.emptyBody")}
      </EmptyState>
    );
  }

  return (
    <div className="flex h-full min-h-0">
      <div className="min-w-0 flex-1 overflow-auto">
        <JobsTable jobs={items} role={role} selectedJobId={selectedJobId} onSelect={onSelect} />
        {jobs.hasNextPage ? (
          <div className="p-2 text-center">
            <Button size="sm" variant="ghost" busy={jobs.isFetchingNextPage} onClick={() => void jobs.fetchNextPage()}>
              {t("common.loadMore")}
            </Button>
          </div>
        ) : null}
      </div>
      {selectedJob ? (
        <div className="w-80 shrink-0 border-l border-line">
          <JobDetails job={selectedJob} streamStatus={streamStatus} onClose={() => onSelect(null)} />
        </div>
      ) : null}
    </div>
  );
}
