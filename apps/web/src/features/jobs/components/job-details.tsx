"use client";

import type { ReactNode } from "react";
import { IconButton } from "@/components/ui/button";
import { formatDateTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TJobDto } from "@/lib/api-types";
import type { TStreamStatus } from "../hooks/use-job-stream";
import { isTerminal } from "../lib/job-status";
import { JobProgress } from "./job-progress";
import { JobStatusBadge } from "./job-status-badge";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-words text-fg">{children}</dd>
    </div>
  );
}

function LiveIndicator({ job, status }: { job: TJobDto; status: TStreamStatus }) {
  const t = useT();
  if (isTerminal(job.status)) return null;
  const [tone, text] =
    status === "open"
      ? ["bg-success", t("jobs.live")]
      : status === "connecting"
        ? ["bg-warning", t("jobs.reconnecting")]
        : ["bg-muted", t("jobs.polling")];
  return (
    <span className="inline-flex items-center gap-1 text-[11px] text-muted" role="status">
      <span className={`h-1.5 w-1.5 rounded-full ${tone}`} aria-hidden="true" />
      {text}
    </span>
  );
}

/** The selected job, updated live by the SSE stream (or by polling when the stream is down). */
export function JobDetails({ job, streamStatus, onClose }: { job: TJobDto; streamStatus: TStreamStatus; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section aria-label={t("jobs.detailsOf", { title: job.title })} className="flex h-full flex-col gap-3 overflow-y-auto p-3">
      <header className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="truncate text-[13px] font-semibold text-strong">{job.title}</h3>
          <p className="truncate font-mono text-[11px] text-muted">{job.id}</p>
        </div>
        <IconButton icon="close" label={t("jobs.closeDetails")} onClick={onClose} />
      </header>
      <div className="flex items-center gap-2">
        <JobStatusBadge job={job} />
        <LiveIndicator job={job} status={streamStatus} />
      </div>
      <JobProgress job={job} />
      {job.message ? <p className="text-[13px] break-words text-fg">{job.message}</p> : null}
      {job.error ? (
        <pre className="max-h-40 overflow-auto rounded-sm border border-danger/40 bg-danger/10 p-2 font-mono text-xs whitespace-pre-wrap text-danger">
          {job.error}
        </pre>
      ) : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        <Row label={t("jobs.kind")}>
          <span className="font-mono">{job.kind}</span>
        </Row>
        <Row label={t("jobs.queue")}>
          <span className="font-mono">{job.queue}</span>
        </Row>
        <Row label={t("jobs.col.items")}>
          {t("jobs.counts", { done: job.doneCount, total: job.totalCount, failed: job.failedCount })}
        </Row>
        <Row label={t("jobs.attempts")}>{job.attempts}</Row>
        <Row label={t("jobs.col.created")}>{formatDateTime(job.createdAt, locale)}</Row>
        <Row label={t("jobs.started")}>{job.startedAt ? formatDateTime(job.startedAt, locale) : "—"}</Row>
        <Row label={t("jobs.finished")}>{job.finishedAt ? formatDateTime(job.finishedAt, locale) : "—"}</Row>
      </dl>
    </section>
  );
}
