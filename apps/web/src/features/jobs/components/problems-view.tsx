"use client";

import { Icon } from "@/components/icons";
import { EmptyState } from "@/components/ui/empty-state";
import { formatRelativeTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import { useProjectJobs } from "../hooks/use-project-jobs";

/** Failed jobs with their errors; choosing one selects it in the Jobs panel. */
export function ProblemsView({ projectId, onOpenJob }: { projectId: string; onOpenJob: (jobId: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const jobs = useProjectJobs(projectId);
  const failed = (jobs.data?.pages.flatMap((page) => page.items) ?? []).filter((job) => job.status === "failed");

  if (failed.length === 0) {
    return (
      <EmptyState icon="check" title={t("problems.emptyTitle")} className="py-6">
        {t("problems.emptyBody")}
      </EmptyState>
    );
  }
  return (
    <ul aria-label={t("panel.problems")} className="py-1 text-[13px]">
      {failed.map((job) => (
        <li key={job.id}>
          <button
            type="button"
            onClick={() => onOpenJob(job.id)}
            className="flex w-full items-start gap-2 px-3 py-1 text-left hover:bg-hover"
          >
            <Icon name="alert" size={14} className="mt-0.5 shrink-0 text-danger" />
            <span className="min-w-0 flex-1">
              <span className="text-strong">{job.title}</span>{" "}
              <span className="font-mono text-[11px] text-muted">{job.kind}</span>
              <span className="block break-words text-xs text-fg">{job.error ?? job.message ?? t("problems.noDetail")}</span>
            </span>
            <span className="shrink-0 text-xs text-muted">{formatRelativeTime(job.finishedAt ?? job.createdAt, locale)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
