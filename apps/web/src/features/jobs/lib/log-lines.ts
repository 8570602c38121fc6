// The Logs panel's lines, derived from job records (lifecycle timestamps, last message, error) and
// the live stream's updates for the followed job. Pure, so the ordering rules are testable.
import type { TJobDto } from "@/lib/api-types";

export type TLogEvent = "queued" | "started" | "completed" | "failed" | "cancelled" | "message" | "progress";

export interface TLogLine {
  key: string;
  at: string;
  level: "info" | "warn" | "error";
  event: TLogEvent;
  job: TJobDto;
  text: string | null;
}

export function buildLogLines(jobs: TJobDto[], live: { at: string; job: TJobDto }[]): TLogLine[] {
  const lines: TLogLine[] = [];
  for (const job of jobs) {
    lines.push({ key: `${job.id}:queued`, at: job.createdAt, level: "info", event: "queued", job, text: null });
    if (job.startedAt) lines.push({ key: `${job.id}:started`, at: job.startedAt, level: "info", event: "started", job, text: null });
    if (job.finishedAt && (job.status === "completed" || job.status === "failed" || job.status === "cancelled")) {
      const level = job.status === "failed" ? "error" : job.status === "cancelled" ? "warn" : "info";
      const text = job.status === "failed" ? (job.error ?? job.message) : job.message;
      lines.push({ key: `${job.id}:${job.status}`, at: job.finishedAt, level, event: job.status, job, text });
    } else if (job.message && !live.some((entry) => entry.job.id === job.id)) {
      lines.push({ key: `${job.id}:message`, at: job.startedAt ?? job.createdAt, level: "info", event: "message", job, text: job.message });
    }
  }
  live.forEach((entry, index) => {
    const { job } = entry;
    if (job.status === "completed" || job.status === "failed" || job.status === "cancelled") return;
    lines.push({
      key: `${job.id}:live:${index}`,
      at: entry.at,
      level: "info",
      event: "progress",
      job,
      text: job.message,
    });
  });
  return lines.sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
}
