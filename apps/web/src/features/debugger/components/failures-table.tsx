"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { GridEmptyState } from "@/components/ui/grid-empty-state";
import { usePagedRows } from "@/components/ui/use-paged-rows";
import { VirtualGrid } from "@/components/ui/virtual-grid";
import { operatorLabel } from "@/features/benchmarks/lib/labels";
import { EditError } from "@/features/knowledge/components/edit-error";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatPercent } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TDiagnosisDto } from "@/lib/api-types";
import { useDiagnoses } from "../hooks/use-diagnoses";
import { useReviewDiagnosis } from "../hooks/use-review-diagnosis";
import { activeDiagnosisFilters, NO_DIAGNOSIS_FILTERS, type TDiagnosisFilterValues } from "../lib/diagnosis-filters";
import { reviewBody, reviewShortcut } from "../lib/review-actions";
import { ClassBadge, ReviewStateBadge } from "./diagnosis-badges";
import { FailureFilters } from "./failure-filters";

const TEMPLATE = "grid-cols-[3rem_minmax(16rem,4fr)_minmax(6rem,1fr)_minmax(9rem,1.4fr)_4rem_minmax(8rem,1.4fr)_6.5rem]";
const ROW_HEIGHT = 44;
export const DIAGNOSIS_ID_PREFIX = "debugger-diagnosis";

/**
 * The run's failures (virtualised, a page at a time), filtered by class, discipline, operator and
 * review state. Keyboard on the grid: arrows move, Enter opens the failure trace, and reviewers
 * press A to accept, R to reject or L to relabel the selected diagnosis to the other class.
 */
export function FailuresTable({
  runId,
  disciplines,
  operators,
  canReview,
  selectedId,
  onSelect,
  onOpen,
}: {
  runId: string;
  disciplines: string[];
  operators: string[];
  canReview: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId } = useWorkbench();
  const [filters, setFilters] = useState<TDiagnosisFilterValues>(NO_DIAGNOSIS_FILTERS);
  const diagnoses = useDiagnoses(projectId, runId, activeDiagnosisFilters(filters));
  const rows = usePagedRows(diagnoses.data);
  const review = useReviewDiagnosis(projectId, runId);
  const filtered = Object.values(filters).some(Boolean);
  const selected = rows.find((row) => row.id === selectedId) ?? null;

  const onKeyDown = (event: React.KeyboardEvent) => {
    // Only keys pressed on the grid itself: never while typing in a filter or a note.
    if (!canReview || !selected || (event.target as HTMLElement).getAttribute("role") !== "grid") return;
    const action = reviewShortcut(event);
    if (!action) return;
    event.preventDefault();
    review.mutate({ diagnosis: selected, body: reviewBody(action, selected) });
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2" onKeyDown={onKeyDown}>
      <FailureFilters values={filters} onChange={setFilters} disciplines={disciplines} operators={operators} />
      <EditError mutation={review} />
      <VirtualGrid
        label={t("debugger.failures.label")}
        rows={rows}
        rowKey={(row: TDiagnosisDto) => row.id}
        rowHeight={ROW_HEIGHT}
        template={TEMPLATE}
        columns={[
          { id: "position", label: "#" },
          { id: "question", label: t("benchmarks.items.question") },
          { id: "discipline", label: t("knowledge.discipline") },
          { id: "class", label: t("debugger.failures.class") },
          { id: "confidence", label: t("debugger.failures.confidence"), align: "right" },
          { id: "operator", label: t("debugger.failures.operator") },
          { id: "review", label: t("debugger.failures.review") },
        ]}
        query={diagnoses}
        selectedId={selectedId}
        onSelect={(row) => onSelect(row.id)}
        onOpen={(row) => onOpen(row.id)}
        idPrefix={DIAGNOSIS_ID_PREFIX}
        testId="debugger-failures"
        rowTestId="debugger-failure-row"
        loadingText={t("debugger.failures.loading")}
        hint={canReview ? t("debugger.failures.hintReview") : t("grid.hint")}
        empty={<GridEmptyState messages="debugger.failures" filtered={filtered} onClear={() => setFilters(NO_DIAGNOSIS_FILTERS)} />}
        renderRow={(row) => (
          <>
            <span role="gridcell" className="text-xs text-muted tabular-nums">{row.itemPosition + 1}</span>
            <span role="gridcell" className="min-w-0">
              <button type="button" tabIndex={-1} onClick={(event) => { event.stopPropagation(); onSelect(row.id); onOpen(row.id); }}
                className="block w-full truncate text-left text-strong hover:text-link hover:underline" title={row.question} data-testid="debugger-failure-question">
                {row.question}
              </button>
            </span>
            <span role="gridcell" className="truncate text-xs text-fg" title={row.discipline}>{row.discipline}</span>
            <span role="gridcell" className="min-w-0 overflow-hidden"><ClassBadge diagnosis={row} /></span>
            <span role="gridcell" className="text-right text-xs tabular-nums">{formatPercent(row.judgeConfidence ?? row.confidence, locale)}</span>
            <span role="gridcell" className="flex min-w-0 flex-wrap gap-1 overflow-hidden">
              {row.fooledBy.slice(0, 2).map((op) => <Badge key={op} tone="danger">{operatorLabel(op, t)}</Badge>)}
            </span>
            <span role="gridcell"><ReviewStateBadge diagnosis={row} /></span>
          </>
        )}
      />
    </div>
  );
}
