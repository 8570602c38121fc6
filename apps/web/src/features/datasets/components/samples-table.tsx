"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { GridEmptyState } from "@/components/ui/grid-empty-state";
import { usePagedRows } from "@/components/ui/use-paged-rows";
import { VirtualGrid } from "@/components/ui/virtual-grid";
import { useDebouncedValue } from "@/features/knowledge/hooks/use-debounced-value";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import type { TSampleDto } from "@/lib/api-types";
import { useDatasetSamples } from "../hooks/use-dataset-samples";
import { sampleExchange } from "../lib/dataset-view";
import { sampleTypeLabel } from "../lib/labels";
import { NO_SAMPLE_FILTERS, SampleFilters, type TSampleFilterValues } from "./sample-filters";

const TEMPLATE = "grid-cols-[3.5rem_9rem_minmax(16rem,3fr)_minmax(12rem,2fr)_minmax(6rem,1fr)]";
const ROW_HEIGHT = 44;
export const SAMPLE_ID_PREFIX = "dataset-sample";

/** A version's samples (virtualised, a page at a time) by type, discipline and text; Enter opens one. */
export function SamplesTable({
  datasetId,
  disciplines,
  selectedId,
  onSelect,
  onOpen,
}: {
  datasetId: string;
  disciplines: string[];
  selectedId: string | null;
  onSelect: (sample: TSampleDto) => void;
  onOpen: (sample: TSampleDto) => void;
}) {
  const t = useT();
  const { projectId } = useWorkbench();
  const [filters, setFilters] = useState<TSampleFilterValues>(NO_SAMPLE_FILTERS);
  const q = useDebouncedValue(filters.query.trim(), 250);
  const samples = useDatasetSamples(projectId, datasetId, { type: filters.type || undefined, discipline: filters.discipline || undefined, q: q || undefined });
  const rows = usePagedRows(samples.data);
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <SampleFilters values={filters} onChange={setFilters} disciplines={disciplines} />
      <VirtualGrid
        label={t("datasets.samples.label")}
        rows={rows}
        rowKey={(row: TSampleDto) => row.id}
        rowHeight={ROW_HEIGHT}
        template={TEMPLATE}
        columns={[
          { id: "position", label: "#" },
          { id: "type", label: t("datasets.samples.type") },
          { id: "question", label: t("datasets.samples.question") },
          { id: "answer", label: t("datasets.samples.answer") },
          { id: "discipline", label: t("knowledge.discipline") },
        ]}
        query={samples}
        selectedId={selectedId}
        onSelect={onSelect}
        onOpen={onOpen}
        idPrefix={SAMPLE_ID_PREFIX}
        testId="dataset-samples"
        rowTestId="dataset-sample-row"
        loadingText={t("datasets.samples.loading")}
        hint={t("datasets.samples.hint")}
        empty={<GridEmptyState messages="datasets.samples" filtered={filtered} onClear={() => setFilters(NO_SAMPLE_FILTERS)} />}
        renderRow={(sample) => {
          const { question, answer } = sampleExchange(sample);
          return (
            <>
              <span role="gridcell" className="text-xs text-muted tabular-nums">{sample.position + 1}</span>
              <span role="gridcell" className="min-w-0"><Badge>{sampleTypeLabel(sample.type, t)}</Badge></span>
              <span role="gridcell" className="min-w-0">
                <button type="button" tabIndex={-1} onClick={(event) => { event.stopPropagation(); onSelect(sample); onOpen(sample); }}
                  className="block w-full truncate text-left text-strong hover:text-link hover:underline" title={question}>{question}</button>
              </span>
              <span role="gridcell" className="truncate text-xs text-fg" title={answer}>{answer}</span>
              <span role="gridcell" className="truncate text-xs text-fg" title={sample.discipline}>{sample.discipline}</span>
            </>
          );
        }}
      />
    </div>
  );
}
