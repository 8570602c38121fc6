"use client";

import { can, type TRole } from "@proda/core";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { ErrorMessage } from "@/components/ui/error-message";
import { formatDateTime, formatRelativeTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TJobDto } from "@/lib/api-types";
import { useCancelJob } from "../hooks/use-cancel-job";
import { isActive } from "../lib/job-status";
import { JobProgress } from "./job-progress";
import { JobStatusBadge } from "./job-status-badge";

export function JobsTable({
  jobs,
  role,
  selectedJobId,
  onSelect,
}: {
  jobs: TJobDto[];
  role: TRole;
  selectedJobId: string | null;
  onSelect: (jobId: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const cancel = useCancelJob();
  const canCancel = can(role, "jobs.cancel");

  return (
    <>
    {cancel.isError ? <ErrorMessage error={cancel.error} className="m-2" /> : null}
    <table className="w-full border-collapse text-[13px]">
      <thead className="sticky top-0 z-[1] bg-sidebar text-left text-[11px] text-muted uppercase">
        <tr>
          <th scope="col" className="px-3 py-1 font-medium">{t("jobs.col.job")}</th>
          <th scope="col" className="px-2 py-1 font-medium">{t("jobs.col.status")}</th>
          <th scope="col" className="w-48 px-2 py-1 font-medium">{t("jobs.col.progress")}</th>
          <th scope="col" className="px-2 py-1 font-medium">{t("jobs.col.items")}</th>
          <th scope="col" className="px-2 py-1 font-medium">{t("jobs.col.created")}</th>
          <th scope="col" className="px-3 py-1 text-right font-medium">
            <span className="sr-only">{t("common.actions")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => {
          const selected = job.id === selectedJobId;
          const cancellable = canCancel && isActive(job) && !job.cancelRequested;
          return (
            <tr
              key={job.id}
              data-testid="job-row"
              onClick={() => onSelect(job.id)}
              className={cx("border-b border-line/60", selected ? "bg-selected-muted" : "hover:bg-hover")}
            >
              <td className="max-w-72 px-3 py-1">
                <button
                  type="button"
                  aria-pressed={selected}
                  onClick={(event) => {
                    event.stopPropagation();
                    onSelect(job.id);
                  }}
                  className="block max-w-full truncate text-left text-strong hover:underline"
                >
                  {job.title}
                </button>
                <span className="block truncate font-mono text-[11px] text-muted">{job.kind}</span>
              </td>
              <td className="px-2 py-1">
                <JobStatusBadge job={job} />
              </td>
              <td className="px-2 py-1">
                <JobProgress job={job} />
              </td>
              <td className="px-2 py-1 font-mono text-xs whitespace-nowrap text-muted">
                {job.totalCount > 0 ? `${job.doneCount}/${job.totalCount}` : "—"}
                {job.failedCount > 0 ? <span className="ml-1 text-danger">✕{job.failedCount}</span> : null}
              </td>
              <td className="px-2 py-1 text-xs whitespace-nowrap text-muted" title={formatDateTime(job.createdAt, locale)}>
                {formatRelativeTime(job.createdAt, locale)}
              </td>
              <td className="px-3 py-1 text-right">
                {cancellable ? (
                  <Button
                    size="sm"
                    variant="danger"
                    icon="stop"
                    busy={cancel.isPending && cancel.variables === job.id}
                    aria-label={t("jobs.cancelJob", { title: job.title })}
                    onClick={(event) => {
                      event.stopPropagation();
                      cancel.mutate(job.id);
                    }}
                  >
                    {t("jobs.cancel")}
                  </Button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </>
  );
}
