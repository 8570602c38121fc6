"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { CONTROL_CLASS } from "@/components/ui/field";
import { cx } from "@/components/ui/cx";
import { formatTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TJobStreamEvent } from "../hooks/use-job-stream";
import { useProjectJobs } from "../hooks/use-project-jobs";
import { buildLogLines } from "../lib/log-lines";

const LEVEL_CLASS = { info: "text-info", warn: "text-warning", error: "text-danger" } as const;

/** Job messages and errors as a log, following new lines while scrolled to the bottom. */
export function LogsView({ projectId, liveEvents }: { projectId: string; liveEvents: TJobStreamEvent[] }) {
  const t = useT();
  const { locale } = useLocale();
  const jobs = useProjectJobs(projectId);
  const [filter, setFilter] = useState("");
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);

  const lines = useMemo(() => {
    const all = buildLogLines(jobs.data?.pages.flatMap((page) => page.items) ?? [], liveEvents);
    const needle = filter.trim().toLowerCase();
    return needle
      ? all.filter((line) => `${line.job.kind} ${line.job.title} ${line.text ?? ""}`.toLowerCase().includes(needle))
      : all;
  }, [jobs.data, liveEvents, filter]);

  useEffect(() => {
    const element = scroller.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [lines.length]);

  return (
    <div className="flex h-full flex-col">
      <div className="flex shrink-0 items-center gap-2 border-b border-line px-3 py-1">
        <input
          type="search"
          aria-label={t("logs.filter")}
          placeholder={t("logs.filter")}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          className={cx(CONTROL_CLASS, "h-6 max-w-64 text-xs")}
        />
        <span className="text-[11px] text-muted">{t("logs.count", { count: lines.length })}</span>
      </div>
      {lines.length === 0 ? (
        <EmptyState icon="terminal" title={t("logs.emptyTitle")} className="py-6">
          {t("logs.emptyBody")}
        </EmptyState>
      ) : (
        <div
          ref={scroller}
          role="log"
          aria-label={t("panel.logs")}
          onScroll={(event) => {
            const element = event.currentTarget;
            pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
          }}
          className="min-h-0 flex-1 overflow-auto px-3 py-1 font-mono text-xs leading-5"
        >
          {lines.map((line) => (
            <div key={line.key} className="flex gap-2 whitespace-pre-wrap">
              <span className="shrink-0 text-muted">{formatTime(line.at, locale)}</span>
              <span className={cx("w-11 shrink-0 uppercase", LEVEL_CLASS[line.level])}>{t(`logs.level.${line.level}`)}</span>
              <span className="shrink-0 text-muted">[{line.job.kind}]</span>
              <span className="min-w-0 break-words text-fg">
                {t(`logs.event.${line.event}`, { title: line.job.title, progress: Math.round((line.job.progress > 1 ? line.job.progress / 100 : line.job.progress) * 100) })}
                {line.text ? <span className={line.level === "error" ? "text-danger" : "text-muted"}> — {line.text}</span> : null}
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
