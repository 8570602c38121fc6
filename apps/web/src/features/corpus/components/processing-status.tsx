"use client";

import { Icon } from "@/components/icons";
import { Button, IconButton } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { ProgressBar } from "@/components/ui/progress-bar";
import { JobStatusBadge } from "@/features/jobs/components/job-status-badge";
import { useJobFocus, useWorkbench } from "@/features/workbench/components/workbench-context";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TCorpusJob } from "../hooks/use-corpus-job";
import { formatCount } from "@/i18n/format";

/** The corpus's processing job (parse batches, then deduplication), followed live. */
export function ProcessingStatus({ corpusJob, onDismiss }: { corpusJob: TCorpusJob; onDismiss?: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { layout } = useWorkbench();
  const { selectJob } = useJobFocus();
  const { job, batches, doneBatches, failedBatches, progress, active } = corpusJob;
  if (!job) return null;

  const phase =
    job.status === "completed"
      ? t("corpus.process.completed")
      : job.status === "failed"
        ? t("corpus.process.failed")
        : job.status === "cancelled"
          ? t("corpus.process.cancelled")
          : job.status === "running"
            ? t("corpus.process.deduplicating")
            : batches.length > 0
              ? t("corpus.process.parsing", { done: formatCount(doneBatches, locale), total: formatCount(batches.length, locale) })
              : t("corpus.process.queued");

  return (
    <section
      data-testid="corpus-processing"
      data-status={job.status}
      aria-label={t("corpus.process.title")}
      aria-live="polite"
      className="flex flex-col gap-2 rounded-md border border-line bg-sidebar/60 px-3 py-2"
    >
      <div className="flex flex-wrap items-center gap-3">
        <Icon name="jobs" size={16} className="text-muted" />
        <span className="text-[13px] font-medium text-strong">{t("corpus.process.title")}</span>
        <JobStatusBadge job={job} />
        <span className="min-w-0 flex-1 truncate text-xs text-muted">{phase}</span>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            selectJob(job.id);
            layout.showPanel("jobs");
          }}
        >
          {t("corpus.process.showJob")}
        </Button>
        {!active && onDismiss ? <IconButton icon="close" label={t("common.close")} onClick={onDismiss} /> : null}
      </div>
      {job.status === "completed" ? null : (
        <ProgressBar value={progress} tone={job.status === "failed" ? "danger" : "accent"} label={t("corpus.process.title")} />
      )}
      {job.message ? <p className="truncate text-xs text-muted" title={job.message}>{job.message}</p> : null}
      {failedBatches > 0 ? <ErrorMessage message={t("corpus.process.failedBatches", { count: failedBatches })} /> : null}
      {job.error ? <ErrorMessage message={job.error} /> : null}
    </section>
  );
}
