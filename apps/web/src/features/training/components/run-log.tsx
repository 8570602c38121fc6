"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TTrainingLogEntryDto } from "@/lib/api-types";
import { logLineParts } from "../lib/log-series";
import { formatMetric } from "../lib/run-status";

/** Only the tail is in the DOM: a long GPU run logs tens of thousands of lines. */
const SHOWN_LINES = 1_000;

/**
 * The run's log as lines of text (messages are never rendered as HTML). It follows the end while
 * new lines arrive; scrolling up pauses that, and "Follow" (or scrolling back down) resumes it.
 */
export function RunLog({ entries, live }: { entries: TTrainingLogEntryDto[]; live: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const box = useRef<HTMLDivElement>(null);
  const [follow, setFollow] = useState(true);
  const shown = entries.slice(-SHOWN_LINES);
  const lastSeq = entries.at(-1)?.seq;

  useEffect(() => {
    if (follow && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [follow, lastSeq]);

  const onScroll = () => {
    const el = box.current;
    if (!el) return;
    const atEnd = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
    if (atEnd !== follow) setFollow(atEnd);
  };

  return (
    <section className="flex min-h-0 flex-col gap-1" aria-label={t("training.log.title")}>
      <div className="flex items-center gap-2">
        <h4 className="text-[11px] font-semibold text-muted uppercase">{t("training.log.title")}</h4>
        <span className="text-[11px] text-muted tabular-nums">
          {entries.length > shown.length ? t("training.log.tail", { shown: shown.length, total: entries.length }) : t("training.log.count", { count: entries.length })}
        </span>
        {live ? (
          <Button size="sm" variant="ghost" className="ml-auto" icon={follow ? "stop" : "play"} aria-pressed={follow} onClick={() => setFollow((v) => !v)} data-testid="training-log-follow">
            {follow ? t("training.log.pause") : t("training.log.follow")}
          </Button>
        ) : null}
      </div>
      <div
        ref={box}
        onScroll={onScroll}
        role="log"
        aria-live={live && follow ? "polite" : "off"}
        tabIndex={0}
        data-testid="training-log"
        className="h-64 overflow-auto rounded-md border border-line bg-sidebar/60 px-2 py-1 font-mono text-[11px] leading-5 text-fg"
      >
        {shown.length === 0 ? (
          <p className="text-muted">{live ? t("training.log.waiting") : t("training.log.empty")}</p>
        ) : (
          shown.map((entry) => (
            <div key={entry.seq} className="flex gap-2 whitespace-pre-wrap break-words" data-testid="training-log-line">
              <span className="shrink-0 text-muted">{formatTime(entry.createdAt, locale)}</span>
              {logLineParts(entry).map((part) => (
                <span key={part.key} className="shrink-0"><span className="text-muted">{part.key}=</span>{part.key === "step" || part.key === "epoch" ? part.value : formatMetric(part.value)}</span>
              ))}
              {entry.message ? <span className="min-w-0">{entry.message}</span> : null}
            </div>
          ))
        )}
      </div>
    </section>
  );
}
