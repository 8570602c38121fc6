"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef, useState } from "react";
import { Icon, type TIconName } from "@/components/icons";
import { Badge, type TTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { ProgressBar } from "@/components/ui/progress-bar";
import { describeError } from "@/i18n/describe-error";
import { useLocale, useT, type TTranslate } from "@/i18n/i18n-provider";
import type { TLocale } from "@/features/preferences/lib/preferences";
import type { TUploadEntry, TUploadState } from "../hooks/use-corpus-upload";
import { failureLabel, isKnownFailure } from "../lib/corpus-labels";
import { formatBytes } from "../lib/format-bytes";

const ROW_HEIGHT = 44;

const STATE_STYLE: Record<TUploadState, { tone: TTone; icon: TIconName }> = {
  waiting: { tone: "neutral", icon: "circle" },
  uploading: { tone: "info", icon: "upload" },
  accepted: { tone: "success", icon: "check" },
  duplicate: { tone: "warning", icon: "copy" },
  rejected: { tone: "danger", icon: "alert" },
  failed: { tone: "danger", icon: "alert" },
  cancelled: { tone: "neutral", icon: "close" },
};

const PROBLEMS: TUploadState[] = ["rejected", "failed", "duplicate"];

function entryMessage(entry: TUploadEntry, t: TTranslate, locale: TLocale, maxBytes: number | undefined): string | null {
  if (entry.state === "duplicate") return t("corpus.upload.duplicateDetail");
  if (entry.state === "failed") return entry.error ? describeError(entry.error, t) : t("errors.unknown");
  if (entry.state !== "rejected" || !entry.code) return null;
  if (entry.code === "payload_too_large" && maxBytes !== undefined) {
    return t("corpus.upload.overLimit", { limit: formatBytes(maxBytes, locale) });
  }
  if (isKnownFailure(entry.code)) return failureLabel(entry.code, t);
  return entry.message ?? entry.code;
}

export interface TUploadSummary {
  counts: Record<TUploadState, number>;
  total: number;
  done: number;
  progress: number;
}

/** Every file of the current uploads with its progress and result; virtualised for big folders. */
export function UploadQueue({
  entries,
  summary,
  running,
  maxBytes,
  onCancel,
  onClear,
}: {
  entries: TUploadEntry[];
  summary: TUploadSummary;
  running: boolean;
  maxBytes: number | undefined;
  onCancel: () => void;
  onClear: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const rows = onlyProblems ? entries.filter((entry) => PROBLEMS.includes(entry.state)) : entries;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const { counts } = summary;

  return (
    <section aria-label={t("corpus.upload.queue")} className="rounded-md border border-line bg-sidebar/60">
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-line px-3 py-2">
        <div className="min-w-48 flex-1">
          <p className="text-[13px] text-strong" role="status" data-testid="upload-summary">
            {running
              ? t("corpus.upload.progress", { done: summary.done, total: summary.total })
              : t("corpus.upload.finished", { total: summary.total })}
          </p>
          <p className="text-xs text-muted">
            {t("corpus.upload.counts", {
              accepted: counts.accepted,
              duplicate: counts.duplicate,
              rejected: counts.rejected + counts.failed,
            })}
            {counts.cancelled ? ` · ${t("corpus.upload.cancelledCount", { count: counts.cancelled })}` : ""}
          </p>
        </div>
        <ProgressBar
          value={summary.progress}
          tone={running ? "accent" : counts.accepted + counts.duplicate === 0 ? "danger" : "success"}
          label={t("corpus.upload.overall")}
          className="w-40"
        />
        <label className="flex items-center gap-1.5 text-xs text-fg">
          <input type="checkbox" checked={onlyProblems} onChange={(event) => setOnlyProblems(event.target.checked)} />
          {t("corpus.upload.onlyProblems")}
        </label>
        {running ? (
          <Button size="sm" variant="danger" icon="stop" onClick={onCancel}>
            {t("corpus.upload.cancel")}
          </Button>
        ) : (
          <Button size="sm" variant="ghost" icon="close" onClick={onClear}>
            {t("corpus.upload.clear")}
          </Button>
        )}
      </header>
      <div ref={scroller} className="overflow-auto" style={{ height: Math.min(rows.length, 4.5) * ROW_HEIGHT }}>
        <ul aria-label={t("corpus.upload.files")} style={{ height: virtualizer.getTotalSize() }} className="relative">
          {virtualizer.getVirtualItems().map((item) => {
            const entry = rows[item.index]!;
            const style = STATE_STYLE[entry.state];
            const message = entryMessage(entry, t, locale, maxBytes);
            return (
              <li
                key={entry.id}
                data-testid="upload-row"
                data-state={entry.state}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                className="absolute inset-x-0 top-0 flex items-center gap-3 border-b border-line/50 px-3"
              >
                <Icon name={style.icon} size={14} className={cx("shrink-0", entry.state === "accepted" ? "text-success" : entry.state === "rejected" || entry.state === "failed" ? "text-danger" : "text-muted")} />
                <div className="min-w-0 flex-1">
                  <div className="flex items-center gap-2">
                    <span className="truncate font-mono text-xs text-strong" title={entry.path}>
                      {entry.path}
                    </span>
                    <span className="shrink-0 text-[11px] text-muted">{formatBytes(entry.size, locale)}</span>
                  </div>
                  {entry.state === "uploading" || entry.state === "waiting" ? (
                    <ProgressBar
                      value={entry.state === "waiting" ? 0 : entry.progress}
                      label={t("corpus.upload.fileProgress", { name: entry.path })}
                      className="mt-1 max-w-80"
                    />
                  ) : message ? (
                    <p className={cx("truncate text-xs", entry.state === "duplicate" ? "text-muted" : "text-danger")} title={message}>
                      {message}
                    </p>
                  ) : null}
                </div>
                <Badge tone={style.tone}>{t(`corpus.upload.state.${entry.state}`)}</Badge>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
