"use client";

import { can } from "@proda/core";
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { Icon, type TIconName } from "@/components/icons";
import { Badge } from "@/components/ui/badge";
import { Button, IconButton } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useCancelJob } from "@/features/jobs/hooks/use-cancel-job";
import { useJob } from "@/features/jobs/hooks/use-job";
import { jobProgress } from "@/features/jobs/lib/job-status";
import { useJobFocus, useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import type { TArtifactStatus } from "@/lib/api-types";
import { ARTIFACT_TONE } from "../lib/artifact-status";
import { artifactStatusLabel } from "../lib/labels";

/**
 * A benchmark or dataset version being built (or just finished): its status, the job's phase and
 * progress (followed over SSE once the job is focused, as the Knowledge run is), figures the caller
 * gives, and Cancel (jobs.cancel). `refresh` is invalidated after a cancel so the status updates.
 */
export function ArtifactProgress({
  title,
  icon,
  status,
  jobId,
  error,
  figures,
  refresh,
  testId,
  onDismiss,
  onOpen,
}: {
  title: string;
  icon: TIconName;
  status: TArtifactStatus;
  jobId: string | null;
  error: string | null;
  figures: [id: string, label: string, value: string][];
  refresh: QueryKey;
  testId: string;
  onDismiss?: () => void;
  onOpen?: () => void;
}) {
  const t = useT();
  const { role, layout } = useWorkbench();
  const { selectJob } = useJobFocus();
  const queryClient = useQueryClient();
  const building = status === "building";
  const job = useJob(jobId, { poll: building });
  const cancel = useCancelJob();
  const cancelling = building && job.data?.cancelRequested;
  const value = building ? (job.data ? jobProgress(job.data) : null) : 1;

  return (
    <section data-testid={testId} data-status={status} aria-label={title} aria-live="polite" className="flex flex-col gap-2 rounded-md border border-line bg-sidebar/60 px-3 py-2">
      <div className="flex flex-wrap items-center gap-3">
        <Icon name={icon} size={16} className="text-muted" />
        <span className="text-[13px] font-medium text-strong">{title}</span>
        <Badge tone={cancelling ? "warning" : ARTIFACT_TONE[status]}>{cancelling ? t("benchmarks.progress.cancelling") : artifactStatusLabel(status, t)}</Badge>
        <span className="min-w-0 flex-1 truncate text-xs text-muted" title={job.data?.message ?? undefined}>{building ? (job.data?.message ?? "") : ""}</span>
        {jobId ? (
          <Button size="sm" variant="ghost" onClick={() => { selectJob(jobId); layout.showPanel("jobs"); }}>
            {t("benchmarks.progress.showJob")}
          </Button>
        ) : null}
        {building && jobId && can(role, "jobs.cancel") ? (
          <Button size="sm" variant="danger" icon="stop" busy={cancel.isPending} disabled={!!cancelling}
            onClick={() => cancel.mutate(jobId, { onSuccess: () => void queryClient.invalidateQueries({ queryKey: refresh }) })}>
            {t("benchmarks.progress.cancel")}
          </Button>
        ) : null}
        {onOpen && (status === "ready" || status === "frozen") ? <Button size="sm" variant="primary" onClick={onOpen}>{t("benchmarks.progress.open")}</Button> : null}
        {!building && onDismiss ? <IconButton icon="close" label={t("common.close")} onClick={onDismiss} /> : null}
      </div>
      {status === "ready" || status === "frozen" ? null : (
        <ProgressBar value={status === "building" ? value : 1} tone={status === "failed" ? "danger" : status === "cancelled" ? "muted" : "accent"} label={title} />
      )}
      {figures.length ? (
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs">
          {figures.map(([id, label, figure]) => (
            <div key={id} className="flex items-baseline gap-1.5" data-figure={id}>
              <dt className="text-muted">{label}</dt>
              <dd className="font-medium text-strong tabular-nums">{figure}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {cancel.error ? <ErrorMessage error={cancel.error} /> : null}
      {error ? <ErrorMessage message={error} /> : null}
    </section>
  );
}
