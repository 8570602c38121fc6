"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, type ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { ErrorMessage } from "@/components/ui/error-message";
import { Spinner } from "@/components/ui/spinner";
import { useLocale, useT } from "@/i18n/i18n-provider";
import { formatCount } from "@/i18n/format";

const PAGE_STEP = 10;

export interface TGridColumn {
  id: string;
  label: string;
  align?: "right";
}

export interface TGridQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * A virtualised ARIA grid over an infinite list: only the visible rows exist, the next page loads as
 * the end comes into view, so 50 000 rows scroll like 50. Keyboard (aria-activedescendant): arrows,
 * Page Up/Down, Home/End move; Enter opens; F2 edits (when `onEdit` is given). Events from inside a
 * row (an inline editor) are left alone.
 */
export function VirtualGrid<T>({
  label,
  rows,
  rowKey,
  rowHeight,
  columns,
  template,
  query,
  selectedId,
  onSelect,
  onOpen,
  onEdit,
  renderRow,
  empty,
  idPrefix,
  testId,
  rowTestId,
  hint,
  loadingText,
  statusText,
}: {
  label: string;
  rows: T[];
  rowKey: (row: T) => string;
  rowHeight: number;
  columns: TGridColumn[];
  /** Tailwind grid-cols-[…] template shared by the header and the rows. */
  template: string;
  query: TGridQuery;
  selectedId: string | null;
  onSelect: (row: T) => void;
  onOpen?: (row: T) => void;
  onEdit?: (row: T) => void;
  renderRow: (row: T, state: { selected: boolean }) => ReactNode;
  empty: ReactNode;
  idPrefix: string;
  testId?: string;
  rowTestId?: string;
  hint?: string;
  /** Defaults to generic "Loading…" / "{count} rows" wording. */
  loadingText?: string;
  statusText?: (count: string, more: boolean) => string;
}) {
  const t = useT();
  const { locale } = useLocale();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    scrollPaddingStart: 28,
    getItemKey: (index) => rowKey(rows[index]!),
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - PAGE_STEP * 3) void fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const selectedIndex = selectedId === null ? -1 : rows.findIndex((row) => rowKey(row) === selectedId);
  const rowId = (row: T) => `${idPrefix}-${rowKey(row)}`;

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.target !== event.currentTarget || rows.length === 0) return;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE_STEP, PageUp: -PAGE_STEP };
    let next: number | null = null;
    if (event.key in moves) next = selectedIndex < 0 ? 0 : selectedIndex + moves[event.key]!;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = rows.length - 1;
    else if (event.key === "Enter" && selectedIndex >= 0 && onOpen) {
      event.preventDefault();
      onOpen(rows[selectedIndex]!);
      return;
    } else if (event.key === "F2" && selectedIndex >= 0 && onEdit) {
      event.preventDefault();
      onEdit(rows[selectedIndex]!);
      return;
    }
    if (next === null) return;
    event.preventDefault();
    const index = Math.min(rows.length - 1, Math.max(0, next));
    onSelect(rows[index]!);
    virtualizer.scrollToIndex(index, { align: "auto" });
  };

  if (query.isPending) {
    return (
      <p role="status" className="flex items-center gap-2 p-4 text-muted">
        <Spinner /> {loadingText ?? t("grid.loading")}
      </p>
    );
  }
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  if (rows.length === 0) return <>{empty}</>;

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-1">
      <div
        ref={scroller}
        role="grid"
        tabIndex={0}
        aria-label={label}
        aria-rowcount={hasNextPage ? -1 : rows.length + 1}
        aria-activedescendant={selectedIndex >= 0 ? rowId(rows[selectedIndex]!) : undefined}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          if (event.target === event.currentTarget && selectedIndex < 0 && rows[0]) onSelect(rows[0]);
        }}
        data-testid={testId}
        className="min-h-48 flex-1 overflow-auto rounded-md border border-line text-[13px] focus-visible:outline-accent"
      >
        <div role="rowgroup" className="sticky top-0 z-[1] bg-sidebar">
          <div role="row" aria-rowindex={1} className={cx(template, "grid h-7 items-center gap-x-3 border-b border-line px-3 text-[11px] text-muted uppercase")}>
            {columns.map((column) => (
              <span key={column.id} role="columnheader" className={cx("truncate", column.align === "right" && "text-right")}>
                {column.label}
              </span>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            const selected = item.index === selectedIndex;
            return (
              <div
                key={item.key}
                id={rowId(row)}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                data-testid={rowTestId}
                onClick={() => onSelect(row)}
                onDoubleClick={onOpen ? () => onOpen(row) : undefined}
                style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}
                className={cx(template, "absolute inset-x-0 top-0 grid items-center gap-x-3 border-b border-line/50 px-3", selected ? "bg-selected-muted" : "hover:bg-hover")}
              >
                {renderRow(row, { selected })}
              </div>
            );
          })}
        </div>
      </div>
      <p className="flex items-center gap-2 text-[11px] text-muted" role="status">
        {statusText
          ? statusText(formatCount(rows.length, locale), hasNextPage)
          : t(hasNextPage ? "grid.loadedMore" : "grid.loaded", { count: formatCount(rows.length, locale) })}
        {isFetchingNextPage ? <Spinner size={10} /> : null}
        {hint ? <span className="ml-auto">{hint}</span> : null}
      </p>
    </div>
  );
}
