"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { GridEmptyState } from "@/components/ui/grid-empty-state";
import { usePagedRows } from "@/components/ui/use-paged-rows";
import { VirtualGrid } from "@/components/ui/virtual-grid";
import { operatorLabel } from "@/features/benchmarks/lib/labels";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import type { TEvaluationResultDto } from "@/lib/api-types";
import { useEvaluationResults } from "../hooks/use-evaluation-results";
import { activeFilters, NO_RESULT_FILTERS, type TResultFilterValues } from "../lib/results-filters";
import { OutcomeBadge } from "./outcome-badge";
import { ResultFilters } from "./result-filters";

const TEMPLATE = "grid-cols-[3rem_minmax(16rem,4fr)_minmax(6rem,1fr)_6rem_7rem_minmax(8rem,2fr)]";
const ROW_HEIGHT = 44;
export const RESULT_ID_PREFIX = "evaluation-result";

/**
 * An evaluation's results (virtualised, a page at a time) filtered by outcome, discipline, operator
 * and level: the answer read from the reply beside the gold one, and the operators it fell for.
 * Enter (or a click on the question) opens the result's detail.
 */
export function ResultsTable({
  evaluationId,
  disciplines,
  live,
  selectedId,
  onSelect,
  onOpen,
}: {
  evaluationId: string;
  disciplines: string[];
  live: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
}) {
  const t = useT();
  const { projectId } = useWorkbench();
  const [filters, setFilters] = useState<TResultFilterValues>(NO_RESULT_FILTERS);
  const results = useEvaluationResults(projectId, evaluationId, activeFilters(filters), { live });
  const rows = usePagedRows(results.data);
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <ResultFilters values={filters} onChange={setFilters} disciplines={disciplines} />
      <VirtualGrid
        label={t("evaluation.results.label")}
        rows={rows}
        rowKey={(row: TEvaluationResultDto) => row.itemId}
        rowHeight={ROW_HEIGHT}
        template={TEMPLATE}
        columns={[
          { id: "position", label: "#" },
          { id: "question", label: t("benchmarks.items.question") },
          { id: "discipline", label: t("knowledge.discipline") },
          { id: "outcome", label: t("evaluation.results.outcome") },
          { id: "answer", label: t("evaluation.results.answer") },
          { id: "fooled", label: t("evaluation.results.fooledBy") },
        ]}
        query={results}
        selectedId={selectedId}
        onSelect={(row) => onSelect(row.itemId)}
        onOpen={(row) => onOpen(row.itemId)}
        idPrefix={RESULT_ID_PREFIX}
        testId="evaluation-results"
        rowTestId="evaluation-result-row"
        loadingText={t("evaluation.results.loading")}
        hint={t("grid.hint")}
        empty={<GridEmptyState messages="evaluation.results" filtered={filtered} onClear={() => setFilters(NO_RESULT_FILTERS)} emptyBody={live ? t("evaluation.results.emptyLive") : undefined} />}
        renderRow={(row) => (
          <>
            <span role="gridcell" className="text-xs text-muted tabular-nums">{row.position + 1}</span>
            <span role="gridcell" className="min-w-0">
              <button type="button" tabIndex={-1} onClick={(event) => { event.stopPropagation(); onSelect(row.itemId); onOpen(row.itemId); }}
                className="block w-full truncate text-left text-strong hover:text-link hover:underline" title={row.question} data-testid="evaluation-result-question">
                {row.question}
              </button>
            </span>
            <span role="gridcell" className="truncate text-xs text-fg" title={row.discipline}>{row.discipline}</span>
            <span role="gridcell"><OutcomeBadge correct={row.correct} error={row.error} /></span>
            <span role="gridcell" className="truncate font-mono text-xs" title={t("evaluation.results.answerTitle", { parsed: row.parsed ?? "—", gold: row.answer })}>
              <span className={row.correct ? "text-success" : "text-danger"}>{row.parsed ?? "—"}</span>
              <span className="text-muted"> / {row.answer}</span>
            </span>
            <span role="gridcell" className="flex min-w-0 flex-wrap gap-1 overflow-hidden">
              {[...new Set(row.chosenOperators)].slice(0, 2).map((op) => <Badge key={op} tone="danger">{operatorLabel(op, t)}</Badge>)}
            </span>
          </>
        )}
      />
    </div>
  );
}
