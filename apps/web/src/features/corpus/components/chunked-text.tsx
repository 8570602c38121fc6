"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import { cx } from "@/components/ui/cx";
import { useT } from "@/i18n/i18n-provider";
import type { TChunkDto } from "@/lib/api-types";
import type { TSegmentation } from "../lib/chunk-segments";
import { dropReasonLabel } from "../lib/corpus-labels";

const CHARS_PER_LINE = 100;
const LINE_HEIGHT = 22;
const STRIPES = "bg-[repeating-linear-gradient(135deg,transparent_0_6px,var(--hover)_6px_12px)]";

function tint(chunks: TChunkDto[], positions: number[]): string {
  if (positions.length === 0) return "text-fg";
  if (positions.length > 1) return "bg-accent/25 text-fg";
  const chunk = chunks[positions[0]!]!;
  if (!chunk.keep) return cx(STRIPES, "text-muted");
  return positions[0]! % 2 === 0 ? "bg-info/15 text-fg" : "bg-success/12 text-fg";
}

/**
 * The parsed text, rendered as text (never HTML), one virtualised block per segment between chunk
 * boundaries: kept chunks in alternating tints, dropped ones striped and dimmed, overlaps darker.
 */
export function ChunkedText({
  text,
  chunks,
  segmentation,
  selected,
  scrollRequest,
  onSelect,
}: {
  text: string;
  chunks: TChunkDto[];
  segmentation: TSegmentation;
  selected: number | null;
  /** Changes whenever the text should scroll to the selected chunk. */
  scrollRequest: number;
  onSelect: (position: number) => void;
}) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const { segments, firstSegment } = segmentation;
  const virtualizer = useVirtualizer({
    count: segments.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => {
      const segment = segments[index]!;
      const lines = text.slice(segment.start, segment.end).split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE)), 0);
      return lines * LINE_HEIGHT + (segment.starts.length ? 26 : 0) + 4;
    },
    overscan: 4,
  });

  useEffect(() => {
    if (selected === null || scrollRequest === 0) return;
    const index = firstSegment[selected] ?? -1;
    if (index >= 0) virtualizer.scrollToIndex(index, { align: "start" });
  }, [scrollRequest]); // eslint-disable-line react-hooks/exhaustive-deps -- only on request

  return (
    <div
      ref={scroller}
      role="document"
      aria-label={t("corpus.viewer.text")}
      data-testid="corpus-text"
      tabIndex={0}
      className="min-h-0 flex-1 overflow-auto rounded-md border border-line bg-surface"
    >
      <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const segment = segments[item.index]!;
          const isSelected = selected !== null && segment.chunks.includes(selected);
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              data-chunks={segment.chunks.map((p) => chunks[p]!.index).join(" ")}
              data-kept={segment.chunks.length ? String(segment.chunks.every((p) => chunks[p]!.keep)) : undefined}
              onClick={() => segment.chunks.length && onSelect(segment.chunks[segment.chunks.length - 1]!)}
              className={cx(
                "absolute inset-x-0 top-0 px-4 py-0.5",
                tint(chunks, segment.chunks),
                isSelected && "shadow-[inset_3px_0_0_var(--accent)]",
              )}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {segment.starts.map((position) => {
                const chunk = chunks[position]!;
                return (
                  <span
                    key={chunk.id}
                    className={cx(
                      "mt-1 mr-2 mb-0.5 inline-flex items-center gap-1 rounded-sm border px-1.5 font-mono text-[10px] leading-4",
                      chunk.keep ? "border-line-strong text-muted" : "border-danger/50 text-danger",
                    )}
                  >
                    #{chunk.index} · {t("corpus.viewer.tokens", { count: chunk.tokens })}
                    {chunk.keep ? null : <> · {dropReasonLabel(chunk.dropReason ?? "low_quality", t)}</>}
                  </span>
                );
              })}
              <div className="text-[13px] leading-[22px] break-words whitespace-pre-wrap">{text.slice(segment.start, segment.end)}</div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
