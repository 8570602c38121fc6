"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TChunkDto } from "@/lib/api-types";
import { dropReasonLabel } from "../lib/corpus-labels";
import { formatCount } from "@/i18n/format";

type TFilter = "all" | "kept" | "dropped";
export const chunkOptionId = (id: string) => `corpus-chunk-${id}`;

const num = (value: number | undefined, locale: string) =>
  value === undefined ? "—" : new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);

/** The viewer's URL for a chunk of another document (`?doc=&chunk=`), pushed so Back returns. */
export function chunkHref(pathname: string, documentId: string, index: number): string {
  return `${pathname}?${new URLSearchParams({ doc: documentId, chunk: String(index) })}`;
}

function ChunkItem({
  chunk,
  chunks,
  documentId,
  onJump,
}: {
  chunk: TChunkDto;
  chunks: TChunkDto[];
  documentId: string;
  onJump: (position: number) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const pathname = usePathname();
  const original = chunk.duplicateOfId ? chunks.findIndex((c) => c.id === chunk.duplicateOfId) : -1;
  const elsewhere = chunk.duplicateOf && chunk.duplicateOf.documentId !== documentId ? chunk.duplicateOf : null;
  return (
    <>
      <div className="flex items-center gap-2">
        <span className="font-mono text-[11px] text-muted">#{chunk.index}</span>
        <span className="min-w-0 flex-1 truncate text-[13px] text-strong" title={chunk.heading ?? undefined}>
          {chunk.heading ?? <span className="text-muted italic">{t("corpus.viewer.noHeading")}</span>}
        </span>
        <Badge tone={chunk.keep ? "success" : "danger"}>{chunk.keep ? t("corpus.viewer.kept") : t("corpus.viewer.dropped")}</Badge>
      </div>
      <div className="mt-1 flex items-center gap-2 text-[11px] text-muted">
        <span className="tabular-nums">{t("corpus.viewer.tokens", { count: chunk.tokens })}</span>
        <span className="flex flex-1 items-center gap-1" title={t("corpus.viewer.quality")}>
          <span className="h-1.5 flex-1 overflow-hidden rounded-full bg-line-strong/60" aria-hidden="true">
            <span
              className={cx("block h-full", chunk.qualityScore >= 0.5 ? "bg-success" : "bg-danger")}
              style={{ width: `${Math.round(Math.min(1, Math.max(0, chunk.qualityScore)) * 100)}%` }}
            />
          </span>
          <span className="w-8 text-right tabular-nums">{chunk.qualityScore.toFixed(2)}</span>
        </span>
        <span className="sr-only">{t("corpus.viewer.qualityValue", { score: chunk.qualityScore.toFixed(2) })}</span>
      </div>
      {!chunk.keep && chunk.dropReason && chunk.reasons[0]?.code !== chunk.dropReason ? (
        <p className="mt-1 text-xs text-danger">{dropReasonLabel(chunk.dropReason, t)}</p>
      ) : null}
      {chunk.reasons.length > 0 ? (
        <ul className="mt-1 flex flex-col gap-0.5 text-[11px]">
          {chunk.reasons.map((reason, i) => (
            <li key={`${reason.code}-${i}`} className="text-fg">
              <span className="font-medium">{dropReasonLabel(reason.code, t)}</span>
              {reason.value !== undefined ? (
                <span className="text-muted">
                  {" "}
                  — {t("corpus.viewer.valueVsThreshold", { value: num(reason.value, locale), threshold: num(reason.threshold, locale) })}
                </span>
              ) : null}
              {reason.detail ? <span className="block text-muted">{reason.detail}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {chunk.duplicateOfId ? (
        <p className="mt-1 text-[11px] text-muted">
          {chunk.similarity !== null && chunk.dropReason === "near_duplicate"
            ? t("corpus.viewer.similarity", { value: num(chunk.similarity, locale) }) + " · "
            : null}
          {original >= 0 ? (
            <button
              type="button"
              tabIndex={-1}
              className="text-link hover:underline"
              onClick={(event) => {
                event.stopPropagation();
                onJump(original);
              }}
            >
              {t("corpus.viewer.duplicateOfHere", { index: chunks[original]!.index })}
            </button>
          ) : elsewhere ? (
            <Link
              href={chunkHref(pathname, elsewhere.documentId, elsewhere.index)}
              tabIndex={-1}
              className="text-link hover:underline"
              onClick={(event) => event.stopPropagation()}
            >
              {t("corpus.viewer.duplicateOfDocument", { index: elsewhere.index, name: elsewhere.filename })}
            </Link>
          ) : (
            <span title={chunk.duplicateOfId}>{t("corpus.viewer.duplicateOfOther")}</span>
          )}
        </p>
      ) : null}
    </>
  );
}

/** The document's chunks with their quality decisions; choosing one scrolls the text to it. */
export function ChunkList({
  chunks,
  documentId,
  selected,
  onSelect,
}: {
  chunks: TChunkDto[];
  documentId: string;
  selected: number | null;
  onSelect: (position: number) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const [filter, setFilter] = useState<TFilter>("all");
  const positions = chunks.map((_, i) => i).filter((i) => filter === "all" || (filter === "kept") === chunks[i]!.keep);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: positions.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (chunks[positions[i]!]!.keep ? 60 : 110),
    overscan: 6,
    getItemKey: (i) => chunks[positions[i]!]!.id,
  });
  const row = selected === null ? -1 : positions.indexOf(selected);

  useEffect(() => {
    if (row >= 0) virtualizer.scrollToIndex(row, { align: "auto" });
  }, [row]); // eslint-disable-line react-hooks/exhaustive-deps -- follow the selection only

  const onKeyDown = (event: React.KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    let next: number | null = null;
    if (event.key in moves) next = row < 0 ? 0 : row + moves[event.key]!;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = positions.length - 1;
    else if (event.key === "Enter" && selected !== null) {
      // Enter follows a duplicate to its original, here or in the other document.
      const chunk = chunks[selected]!;
      const here = chunk.duplicateOfId ? chunks.findIndex((c) => c.id === chunk.duplicateOfId) : -1;
      if (here >= 0) onSelect(here);
      else if (chunk.duplicateOf && chunk.duplicateOf.documentId !== documentId) router.push(chunkHref(pathname, chunk.duplicateOf.documentId, chunk.duplicateOf.index));
      else return;
      event.preventDefault();
      return;
    }
    if (next === null || positions.length === 0) return;
    event.preventDefault();
    onSelect(positions[Math.min(positions.length - 1, Math.max(0, next))]!);
  };

  const kept = chunks.filter((c) => c.keep).length;
  const counts: Record<TFilter, number> = { all: chunks.length, kept, dropped: chunks.length - kept };

  return (
    <section aria-label={t("corpus.viewer.chunks")} className="flex min-h-0 w-full flex-col rounded-md border border-line bg-sidebar/60 lg:w-96 lg:shrink-0">
      <div role="radiogroup" aria-label={t("corpus.viewer.chunkFilter")} className="flex shrink-0 gap-1 border-b border-line p-1.5">
        {(["all", "kept", "dropped"] as const).map((id) => (
          <button
            key={id}
            type="button"
            role="radio"
            aria-checked={filter === id}
            onClick={() => setFilter(id)}
            className={cx("rounded-sm px-2 py-0.5 text-xs", filter === id ? "bg-selected text-strong" : "text-muted hover:bg-hover")}
          >
            {t(`corpus.viewer.filter.${id}`, { count: formatCount(counts[id], locale) })}
          </button>
        ))}
      </div>
      <div
        ref={scroller}
        role="listbox"
        tabIndex={0}
        aria-label={t("corpus.viewer.chunks")}
        aria-activedescendant={row >= 0 ? chunkOptionId(chunks[selected!]!.id) : undefined}
        onKeyDown={onKeyDown}
        data-testid="corpus-chunk-list"
        className="min-h-40 flex-1 overflow-auto"
      >
        <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const position = positions[item.index]!;
            const chunk = chunks[position]!;
            return (
              <div
                key={item.key}
                id={chunkOptionId(chunk.id)}
                role="option"
                aria-selected={position === selected}
                data-index={item.index}
                ref={virtualizer.measureElement}
                onClick={() => onSelect(position)}
                className={cx(
                  "absolute inset-x-0 top-0 border-b border-line/50 px-3 py-2",
                  position === selected ? "bg-selected-muted" : "hover:bg-hover",
                  !chunk.keep && "opacity-90",
                )}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <ChunkItem chunk={chunk} chunks={chunks} documentId={documentId} onJump={onSelect} />
              </div>
            );
          })}
        </div>
        {positions.length === 0 ? <p className="p-3 text-xs text-muted">{t("corpus.viewer.noChunks")}</p> : null}
      </div>
    </section>
  );
}
