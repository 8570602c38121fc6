"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { ErrorMessage } from "@/components/ui/error-message";
import { Spinner } from "@/components/ui/spinner";
import { formatDateTime, formatRelativeTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TDocumentDto } from "@/lib/api-types";
import { useCorpusDocuments } from "../hooks/use-corpus-documents";
import { failureLabel, isKnownFailure } from "../lib/corpus-labels";
import { formatBytes, formatCount } from "../lib/format-bytes";
import type { TDocumentFilters } from "../query-keys";
import { DocumentStatusBadge } from "./document-status-badge";

const ROW_HEIGHT = 40;
const PAGE_STEP = 10;
const COLUMNS = "grid grid-cols-[minmax(14rem,3fr)_minmax(6rem,1fr)_4rem_5rem_6.5rem_6.5rem_7.5rem] items-center gap-x-3";
export const documentRowId = (id: string) => `corpus-doc-${id}`;

function ChunksCell({ document }: { document: TDocumentDto }) {
  const t = useT();
  const { locale } = useLocale();
  if (document.status !== "parsed") return <span className="text-muted">—</span>;
  const share = document.chunkCount ? document.keptCount / document.chunkCount : 0;
  return (
    <span className="flex flex-col gap-0.5" title={t("corpus.table.chunksTitle", { kept: document.keptCount, total: document.chunkCount })}>
      <span className="tabular-nums">
        {formatCount(document.keptCount, locale)} / {formatCount(document.chunkCount, locale)}
      </span>
      <span className="h-1 w-full overflow-hidden rounded-full bg-line-strong/60" aria-hidden="true">
        <span className="block h-full bg-success" style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
    </span>
  );
}

/**
 * The documents, virtualised (only the visible rows exist), loading the next page as the end comes
 * into view. Keyboard: arrows / Page Up / Page Down / Home / End move the selection, Enter opens.
 */
export function DocumentsTable({
  projectId,
  filters,
  selectedId,
  onSelect,
  onOpen,
  empty,
}: {
  projectId: string;
  filters: TDocumentFilters;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  empty: ReactNode;
}) {
  const t = useT();
  const { locale } = useLocale();
  const documents = useCorpusDocuments(projectId, filters);
  const rows = useMemo(() => documents.data?.pages.flatMap((page) => page.items) ?? [], [documents.data]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollPaddingStart: ROW_HEIGHT,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = documents;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - PAGE_STEP * 2) void fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const selectedIndex = selectedId ? rows.findIndex((row) => row.id === selectedId) : -1;

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (rows.length === 0) return;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE_STEP, PageUp: -PAGE_STEP };
    let next: number | null = null;
    if (event.key in moves) next = selectedIndex < 0 ? 0 : selectedIndex + moves[event.key]!;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = rows.length - 1;
    else if (event.key === "Enter" && selectedIndex >= 0) {
      event.preventDefault();
      onOpen(rows[selectedIndex]!.id);
      return;
    }
    if (next === null) return;
    event.preventDefault();
    const index = Math.min(rows.length - 1, Math.max(0, next));
    onSelect(rows[index]!.id);
    virtualizer.scrollToIndex(index, { align: "auto" });
  };

  if (documents.isPending) {
    return (
      <p role="status" className="flex items-center gap-2 p-4 text-muted">
        <Spinner /> {t("corpus.table.loading")}
      </p>
    );
  }
  if (documents.isError) return <ErrorMessage error={documents.error} onRetry={() => void documents.refetch()} />;
  if (rows.length === 0) return <>{empty}</>;

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-1">
      <div
        ref={scroller}
        role="grid"
        tabIndex={0}
        aria-label={t("corpus.table.label")}
        aria-rowcount={hasNextPage ? -1 : rows.length + 1}
        aria-activedescendant={selectedIndex >= 0 ? documentRowId(rows[selectedIndex]!.id) : undefined}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (selectedIndex < 0 && rows[0]) onSelect(rows[0].id);
        }}
        data-testid="corpus-documents"
        className="min-h-48 flex-1 overflow-auto rounded-md border border-line text-[13px] focus-visible:outline-accent"
      >
        <div role="rowgroup" className="sticky top-0 z-[1] bg-sidebar">
          <div role="row" aria-rowindex={1} className={cx(COLUMNS, "h-7 border-b border-line px-3 text-[11px] text-muted uppercase")}>
            <span role="columnheader">{t("corpus.table.name")}</span>
            <span role="columnheader">{t("corpus.table.discipline")}</span>
            <span role="columnheader">{t("corpus.table.format")}</span>
            <span role="columnheader" className="text-right">{t("corpus.table.size")}</span>
            <span role="columnheader">{t("corpus.table.status")}</span>
            <span role="columnheader">{t("corpus.table.chunks")}</span>
            <span role="columnheader">{t("corpus.table.uploaded")}</span>
          </div>
        </div>
        <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {virtualItems.map((item) => {
            const doc = rows[item.index]!;
            const selected = doc.id === selectedId;
            const failure = doc.status === "failed" ? (doc.errorCode && isKnownFailure(doc.errorCode) ? failureLabel(doc.errorCode, t) : doc.error) : null;
            return (
              <div
                key={doc.id}
                id={documentRowId(doc.id)}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                data-testid="corpus-document-row"
                onClick={() => onSelect(doc.id)}
                onDoubleClick={() => onOpen(doc.id)}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                className={cx(
                  COLUMNS,
                  "absolute inset-x-0 top-0 border-b border-line/50 px-3",
                  selected ? "bg-selected-muted" : "hover:bg-hover",
                )}
              >
                <span role="gridcell" className="min-w-0">
                  <button
                    type="button"
                    tabIndex={-1}
                    onClick={(event) => {
                      event.stopPropagation();
                      onOpen(doc.id);
                    }}
                    className="block max-w-full truncate text-left text-strong hover:text-link hover:underline"
                    title={doc.path}
                  >
                    {doc.title && doc.title !== doc.filename ? doc.title : doc.filename}
                  </button>
                  <span className={cx("block truncate text-[11px]", failure ? "text-danger" : "text-muted")} title={doc.error ?? doc.path}>
                    {failure ?? doc.path}
                  </span>
                </span>
                <span role="gridcell" className="truncate text-fg" title={doc.discipline}>{doc.discipline}</span>
                <span role="gridcell" className="font-mono text-xs text-muted uppercase">{doc.format}</span>
                <span role="gridcell" className="text-right text-xs text-muted tabular-nums">{formatBytes(doc.sizeBytes, locale)}</span>
                <span role="gridcell"><DocumentStatusBadge document={doc} /></span>
                <span role="gridcell" className="text-xs"><ChunksCell document={doc} /></span>
                <span role="gridcell" className="truncate text-xs text-muted" title={formatDateTime(doc.createdAt, locale)}>
                  {formatRelativeTime(doc.createdAt, locale)}
                </span>
              </div>
            );
          })}
        </div>
      </div>
      <p className="flex items-center gap-2 text-[11px] text-muted" role="status">
        {t(hasNextPage ? "corpus.table.loadedMore" : "corpus.table.loaded", { count: formatCount(rows.length, locale) })}
        {isFetchingNextPage ? <Spinner size={10} /> : null}
        <span className="ml-auto">{t("corpus.table.keyboardHint")}</span>
      </p>
    </div>
  );
}
