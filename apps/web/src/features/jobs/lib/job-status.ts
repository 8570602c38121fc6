import type { TTone } from "@/components/ui/badge";
import type { TJobDto, TJobStatus } from "@/lib/api-types";

export const TERMINAL_STATUSES: readonly TJobStatus[] = ["completed", "failed", "cancelled"];

export function isTerminal(status: TJobStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export function isActive(job: Pick<TJobDto, "status">): boolean {
  return !isTerminal(job.status);
}

export const STATUS_TONE: Record<TJobStatus, TTone> = {
  queued: "neutral",
  running: "info",
  completed: "success",
  failed: "danger",
  cancelled: "warning",
};

/** Progress as 0..1, or null while a queued job has not reported any. */
export function jobProgress(job: TJobDto): number | null {
  if (job.status === "completed") return 1;
  if (job.status === "queued" && job.progress <= 0) return null;
  const value = job.progress > 1 ? job.progress / 100 : job.progress;
  return Math.min(1, Math.max(0, value));
}
