"use client";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useCancelJob } from "@/features/jobs/hooks/use-cancel-job";
import { useJob } from "@/features/jobs/hooks/use-job";
import { useT } from "@/i18n/i18n-provider";
import type { TGraphLayoutDto } from "@/lib/api-types";

/**
 * Everything but a ready layout: none yet (compute it), being computed (the job's progress, cancel),
 * failed or cancelled (why, and try again). `onCompute` is absent for roles that may not run it.
 */
export function LayoutStatus({
  layout,
  label,
  onCompute,
  computing,
  computeError,
}: {
  layout: TGraphLayoutDto | null;
  label: string;
  onCompute?: () => void;
  computing: boolean;
  computeError: unknown;
}) {
  const t = useT();
  const building = layout?.status === "building";
  const job = useJob(building ? layout.jobId : null, { poll: true });
  const cancel = useCancelJob();
  const compute = onCompute ? (
    <Button variant="primary" icon="play" onClick={onCompute} disabled={computing}>
      {t(layout ? "graph.layout.again" : "graph.layout.compute")}
    </Button>
  ) : null;

  if (building) {
    return (
      <section data-testid="graph-layout-progress" aria-live="polite" className="flex flex-col gap-2 rounded-md border border-line px-4 py-3">
        <p className="text-[13px] font-medium text-strong">{t("graph.layout.building", { what: label })}</p>
        <ProgressBar value={job.data && job.data.status === "running" ? job.data.progress : null} label={t("graph.layout.progress")} />
        <div className="flex items-center gap-3">
          <span className="min-w-0 flex-1 truncate text-xs text-muted">{job.data?.message ?? t("graph.layout.queued")}</span>
          {onCompute && layout.jobId ? (
            <Button size="sm" icon="stop" onClick={() => cancel.mutate(layout.jobId!)} disabled={cancel.isPending || job.data?.cancelRequested}>
              {t("graph.layout.cancel")}
            </Button>
          ) : null}
        </div>
      </section>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      {layout && (layout.status === "failed" || layout.status === "cancelled") ? (
        <EmptyState icon="alert" title={t(layout.status === "failed" ? "graph.layout.failed" : "graph.layout.cancelled", { what: label })} action={compute}>
          {layout.error ?? t("graph.layout.retryHint")}
        </EmptyState>
      ) : (
        <EmptyState icon="overview" title={t("graph.layout.noneTitle", { what: label })} action={compute}>
          {onCompute ? t("graph.layout.noneBody") : t("graph.layout.noneReadOnly")}
        </EmptyState>
      )}
      {computeError ? <ErrorMessage error={computeError} /> : null}
    </div>
  );
}
