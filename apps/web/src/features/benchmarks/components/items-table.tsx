"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { GridEmptyState } from "@/components/ui/grid-empty-state";
import { usePagedRows } from "@/components/ui/use-paged-rows";
import { VirtualGrid } from "@/components/ui/virtual-grid";
import { EditError } from "@/features/knowledge/components/edit-error";
import { useDebouncedValue } from "@/features/knowledge/hooks/use-debounced-value";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import type { TBenchmarkItemDto } from "@/lib/api-types";
import { useBenchmarkItems } from "../hooks/use-benchmark-items";
import { useReviewItem } from "../hooks/use-review-item";
import { modeLabel, operatorLabel } from "../lib/labels";
import { decisionBody } from "../lib/review-edit";
import { ItemFilters, NO_ITEM_FILTERS, type TItemFilterValues } from "./item-filters";
import { ReviewBadge } from "./review-badge";

const TEMPLATE = "grid-cols-[3rem_minmax(18rem,4fr)_minmax(6rem,1fr)_minmax(10rem,2fr)_6rem]";
const ROW_HEIGHT = 52;
export const ITEM_ID_PREFIX = "benchmark-item";

/**
 * The benchmark's items (virtualised, a page at a time), filtered by text, discipline, review state,
 * operator and mode. Keyboard: Enter opens the detail, F2 opens it to edit, A accepts and R rejects
 * the selected item (reviewers, on a benchmark that is not frozen).
 */
export function ItemsTable({
  benchmarkId,
  disciplines,
  reviewable,
  selectedId,
  onSelect,
  onOpenItem,
}: {
  benchmarkId: string;
  disciplines: string[];
  reviewable: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpenItem: (id: string, edit?: boolean) => void;
}) {
  const t = useT();
  const { projectId } = useWorkbench();
  const [filters, setFilters] = useState<TItemFilterValues>(NO_ITEM_FILTERS);
  const q = useDebouncedValue(filters.query.trim(), 250);
  const items = useBenchmarkItems(projectId, benchmarkId, {
    discipline: filters.discipline || undefined,
    review: filters.review || undefined,
    operator: filters.operator || undefined,
    mode: filters.mode || undefined,
    q: q || undefined,
  });
  const rows = usePagedRows(items.data);
  const review = useReviewItem(projectId, benchmarkId);
  const filtered = Object.values(filters).some(Boolean);
  const selected = rows.find((row) => row.id === selectedId) ?? null;

  const onKeyDown = (event: React.KeyboardEvent) => {
    // Only keys pressed on the grid itself: never while typing in a filter.
    if (!reviewable || !selected || event.ctrlKey || event.metaKey || event.altKey || (event.target as HTMLElement).getAttribute("role") !== "grid") return;
    const key = event.key.toLowerCase();
    if (key !== "a" && key !== "r") return;
    event.preventDefault();
    review.mutate({ item: selected, body: decisionBody(key === "a" ? "accept" : "reject", "") });
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2" onKeyDown={onKeyDown}>
      <ItemFilters values={filters} onChange={setFilters} disciplines={disciplines} />
      <EditError mutation={review} />
      <VirtualGrid
        label={t("benchmarks.items.label")}
        rows={rows}
        rowKey={(row: TBenchmarkItemDto) => row.id}
        rowHeight={ROW_HEIGHT}
        template={TEMPLATE}
        columns={[
          { id: "position", label: "#" },
          { id: "question", label: t("benchmarks.items.question") },
          { id: "discipline", label: t("knowledge.discipline") },
          { id: "operators", label: t("benchmarks.items.operators") },
          { id: "review", label: t("benchmarks.items.review") },
        ]}
        query={items}
        selectedId={selectedId}
        onSelect={(row) => onSelect(row.id)}
        onOpen={(row) => onOpenItem(row.id)}
        onEdit={reviewable ? (row) => onOpenItem(row.id, true) : undefined}
        idPrefix={ITEM_ID_PREFIX}
        testId="benchmark-items"
        rowTestId="benchmark-item-row"
        loadingText={t("benchmarks.items.loading")}
        hint={reviewable ? t("benchmarks.items.hintReview") : t("benchmarks.items.hint")}
        empty={<GridEmptyState messages="benchmarks.items" filtered={filtered} onClear={() => setFilters(NO_ITEM_FILTERS)} />}
        renderRow={(item) => (
          <>
            <span role="gridcell" className="text-xs text-muted tabular-nums">{item.position + 1}</span>
            <span role="gridcell" className="min-w-0">
              <button type="button" tabIndex={-1} onClick={(event) => { event.stopPropagation(); onSelect(item.id); onOpenItem(item.id); }}
                className="block w-full truncate text-left text-strong hover:text-link hover:underline" title={item.question} data-testid="benchmark-item-question">
                {item.question}
              </button>
              <span className="block truncate text-[11px] text-muted">
                {t("benchmarks.items.summary", { mode: modeLabel(item.mode, t), options: item.options.length, answer: item.answer, length: item.chainLength })}
              </span>
            </span>
            <span role="gridcell" className="truncate text-xs text-fg" title={item.discipline}>{item.discipline}</span>
            <span role="gridcell" className="flex min-w-0 flex-wrap gap-1 overflow-hidden">
              {[...new Set(item.operators)].slice(0, 3).map((op) => <Badge key={op} tone="info">{operatorLabel(op, t)}</Badge>)}
            </span>
            <span role="gridcell"><ReviewBadge review={item.review} /></span>
          </>
        )}
      />
    </div>
  );
}
