"use client";

import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import { useT } from "@/i18n/i18n-provider";
import type { TJobDto } from "@/lib/api-types";
import { STATUS_TONE } from "../lib/job-status";

export function JobStatusBadge({ job }: { job: Pick<TJobDto, "status" | "cancelRequested"> }) {
  const t = useT();
  const cancelling = job.cancelRequested && (job.status === "queued" || job.status === "running");
  return (
    <Badge tone={cancelling ? "warning" : STATUS_TONE[job.status]}>
      {job.status === "running" ? <Spinner size={10} /> : null}
      {cancelling ? t("jobs.status.cancelling") : t(`jobs.status.${job.status}`)}
    </Badge>
  );
}
