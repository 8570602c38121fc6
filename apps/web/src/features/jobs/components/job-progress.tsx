"use client";

import { ProgressBar } from "@/components/ui/progress-bar";
import { useT } from "@/i18n/i18n-provider";
import type { TJobDto } from "@/lib/api-types";
import { jobProgress } from "../lib/job-status";

export function JobProgress({ job, className }: { job: TJobDto; className?: string }) {
  const t = useT();
  const value = jobProgress(job);
  const tone = job.status === "failed" ? "danger" : job.status === "completed" ? "success" : job.status === "cancelled" ? "muted" : "accent";
  return (
    <div className={className}>
      <div className="flex items-center gap-2">
        <ProgressBar value={value} tone={tone} label={t("jobs.progressOf", { title: job.title })} className="flex-1" />
        <span className="w-9 shrink-0 text-right font-mono text-[11px] text-muted">
          {value === null ? "—" : `${Math.round(value * 100)}%`}
        </span>
      </div>
    </div>
  );
}
