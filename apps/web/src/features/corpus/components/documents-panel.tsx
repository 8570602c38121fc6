"use client";

import { can } from "@proda/core";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { CONTROL_CLASS } from "@/components/ui/field";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import type { TDocumentStatus, TFunnelDto } from "@/lib/api-types";
import type { TCorpusUpload } from "../hooks/use-corpus-upload";
import { DOCUMENT_STATUSES } from "../lib/corpus-labels";
import type { TDocumentFilters } from "../query-keys";
import { DocumentsTable } from "./documents-table";
import { UploadPanel } from "./upload-panel";

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Upload area, filters and the documents table. Stays mounted while the viewer is open. */
export function DocumentsPanel({
  funnel,
  maxBytes,
  selectedId,
  onSelect,
  onOpen,
  upload,
}: {
  funnel: TFunnelDto | undefined;
  maxBytes: number | undefined;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  upload: TCorpusUpload;
}) {
  const t = useT();
  const { projectId, role } = useWorkbench();
  const canUpload = can(role, "corpus.upload");
  const [discipline, setDiscipline] = useState("");
  const [status, setStatus] = useState<TDocumentStatus | "">("");
  const [query, setQuery] = useState("");
  const q = useDebounced(query.trim(), 300);
  const filters: TDocumentFilters = { discipline: discipline || undefined, status: status || undefined, q: q || undefined };
  const filtered = !!(discipline || status || q);
  const disciplines = funnel?.disciplines.map((d) => d.discipline) ?? [];

  const empty = filtered ? (
    <EmptyState icon="search" title={t("corpus.table.noMatchTitle")} className="rounded-md border border-dashed border-line-strong"
      action={
        <Button onClick={() => { setDiscipline(""); setStatus(""); setQuery(""); }}>{t("corpus.table.clearFilters")}</Button>
      }
    >
      {t("corpus.table.noMatchBody")}
    </EmptyState>
  ) : (
    <EmptyState icon="corpus" title={t("corpus.table.emptyTitle")} className="rounded-md border border-dashed border-line-strong">
      {canUpload ? t("corpus.table.emptyBody") : t("corpus.table.emptyReadOnly")}
    </EmptyState>
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3">
      {canUpload ? <UploadPanel upload={upload} maxBytes={maxBytes} compact={(funnel?.total.stages[0]?.count ?? 0) > 0} /> : null}
      <div role="search" aria-label={t("corpus.table.filters")} className="flex flex-wrap items-center gap-2">
        <input
          type="search"
          aria-label={t("corpus.table.search")}
          placeholder={t("corpus.table.search")}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          className={cx(CONTROL_CLASS, "h-7 w-64!")}
        />
        <select
          aria-label={t("corpus.table.discipline")}
          value={discipline}
          onChange={(event) => setDiscipline(event.target.value)}
          className={cx(CONTROL_CLASS, "h-7 w-auto!")}
        >
          <option value="">{t("corpus.table.allDisciplines")}</option>
          {disciplines.map((d) => (
            <option key={d} value={d}>{d}</option>
          ))}
        </select>
        <select
          aria-label={t("corpus.table.status")}
          value={status}
          onChange={(event) => setStatus(event.target.value as TDocumentStatus | "")}
          className={cx(CONTROL_CLASS, "h-7 w-auto!")}
        >
          <option value="">{t("corpus.table.allStatuses")}</option>
          {DOCUMENT_STATUSES.map((s) => (
            <option key={s} value={s}>{t(`corpus.status.${s}`)}</option>
          ))}
        </select>
      </div>
      <DocumentsTable key={JSON.stringify(filters)} projectId={projectId} filters={filters} selectedId={selectedId} onSelect={onSelect} onOpen={onOpen} empty={empty} />
    </div>
  );
}
