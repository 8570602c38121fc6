"use client";

import { Badge, type TTone } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { formatDuration } from "@/features/training/lib/run-status";
import { formatTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TLoopDto } from "@/lib/api-types";
import { timelineRows, type TTimelineStatus } from "../lib/loop-view";

const TONE: Record<TTimelineStatus, TTone> = { pending: "neutral", running: "info", succeeded: "success", failed: "danger", cancelled: "warning", skipped: "neutral" };

/** The loop's stages in order with status, start time, duration and the stage's last message. */
export function LoopTimeline({ loop, now }: { loop: TLoopDto; now: number }) {
  const t = useT();
  const { locale } = useLocale();
  const rows = timelineRows(loop, now);
  return (
    <ol aria-label={t("debugger.loop.timeline")} className="flex flex-col" data-testid="debugger-loop-timeline">
      {rows.map((row, i) => (
        <li key={row.stage} className="relative grid grid-cols-[1.5rem_minmax(8rem,12rem)_6.5rem_4.5rem_4rem_1fr] items-center gap-2 py-1 text-[13px]"
          data-testid="debugger-loop-stage" data-stage={row.stage} data-status={row.status} aria-current={row.status === "running" ? "step" : undefined}>
          <span aria-hidden="true" className={cx("mx-auto h-2.5 w-2.5 rounded-full border", row.status === "succeeded" ? "border-success bg-success" : row.status === "running" ? "animate-pulse border-info bg-info" : row.status === "failed" ? "border-danger bg-danger" : "border-line-strong")} />
          {i < rows.length - 1 ? <span aria-hidden="true" className="absolute top-[calc(50%+6px)] left-[11px] h-[calc(100%-12px)] w-px bg-line-strong" /> : null}
          <span className={cx("truncate", row.status === "pending" ? "text-muted" : "text-strong")}>{t(`debugger.loop.stage.${row.stage}`)}</span>
          <Badge tone={TONE[row.status]}>{t(`debugger.loop.status.${row.status}`)}</Badge>
          <span className="text-xs text-muted tabular-nums">{row.startedAt ? formatTime(row.startedAt, locale) : ""}</span>
          <span className="text-xs text-muted tabular-nums">{row.durationMs === null ? "" : formatDuration(row.durationMs)}</span>
          <span className="truncate text-xs text-muted" title={row.message ?? undefined}>{row.message ?? ""}</span>
        </li>
      ))}
    </ol>
  );
}
