// Training runs as the stage shows them: status tones, which run is shown by default, progress and
// duration. Pure; covered by test/training-ui-lib.test.ts.
import type { TTone } from "@/components/ui/badge";
import type { TRunStatus, TTrainingRunDto } from "@/lib/api-types";

export const RUN_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const satisfies readonly TRunStatus[];

export const RUN_TONE: Record<TRunStatus, TTone> = {
  queued: "neutral",
  running: "info",
  succeeded: "success",
  failed: "danger",
  cancelled: "warning",
};

/** Queued or running: the log may still grow and the run may be cancelled. */
export function isRunActive(status: TRunStatus): boolean {
  return status === "queued" || status === "running";
}

/** The URL's run if it is in the list, else the newest (lists come newest first). */
export function chooseRun<T extends { id: string }>(runs: readonly T[], wanted: string | null): T | null {
  return (wanted ? runs.find((r) => r.id === wanted) : undefined) ?? runs[0] ?? null;
}

/** 0..1 from steps when the backend reported a total; 1 once succeeded; null while unknown. */
export function runProgress(run: Pick<TTrainingRunDto, "status" | "step" | "totalSteps">): number | null {
  if (run.status === "succeeded") return 1;
  if (!run.totalSteps || run.totalSteps <= 0) return null;
  return Math.min(1, Math.max(0, run.step / run.totalSteps));
}

/** Milliseconds from start to finish (or to `now` while it runs); null before it started. */
export function runDurationMs(run: Pick<TTrainingRunDto, "startedAt" | "finishedAt">, now: number = Date.now()): number | null {
  if (!run.startedAt) return null;
  const end = run.finishedAt ? Date.parse(run.finishedAt) : now;
  return Math.max(0, end - Date.parse(run.startedAt));
}

/** A clock-style duration ("0:07", "12:05", "1:02:05"): the same in every locale. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

/** Losses and learning rates span orders of magnitude: 4 significant digits, exponent when tiny. */
export function formatMetric(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}
