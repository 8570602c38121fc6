"use client";

import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { usePagedRows } from "@/components/ui/use-paged-rows";
import { VirtualGrid } from "@/components/ui/virtual-grid";
import { formatCount, formatDateTime, formatRelativeTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TDocumentDto } from "@/lib/api-types";
import { useCorpusDocuments } from "../hooks/use-corpus-documents";
import { failureLabel, isKnownFailure } from "../lib/corpus-labels";
import { formatBytes } from "../lib/format-bytes";
import type { TDocumentFilters } from "../query-keys";
import { DocumentStatusBadge } from "./document-status-badge";

const ROW_HEIGHT = 40;
const COLUMNS = "grid-cols-[minmax(14rem,3fr)_minmax(6rem,1fr)_4rem_5rem_6.5rem_6.5rem_7.5rem]";
const ROW_ID_PREFIX = "corpus-doc";
export const documentRowId = (id: string) => `${ROW_ID_PREFIX}-${id}`;

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
 * The documents in a VirtualGrid: only the visible rows exist, the next page loads as the end comes
 * into view; arrows / Page Up / Page Down / Home / End move the selection, Enter opens.
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
  const rows = usePagedRows(documents.data);

  return (
    <VirtualGrid
      label={t("corpus.table.label")}
      rows={rows}
      rowKey={(doc) => doc.id}
      rowHeight={ROW_HEIGHT}
      template={COLUMNS}
      columns={[
        { id: "name", label: t("corpus.table.name") },
        { id: "discipline", label: t("corpus.table.discipline") },
        { id: "format", label: t("corpus.table.format") },
        { id: "size", label: t("corpus.table.size"), align: "right" },
        { id: "status", label: t("corpus.table.status") },
        { id: "chunks", label: t("corpus.table.chunks") },
        { id: "uploaded", label: t("corpus.table.uploaded") },
      ]}
      query={documents}
      selectedId={selectedId}
      onSelect={(doc) => onSelect(doc.id)}
      onOpen={(doc) => onOpen(doc.id)}
      empty={empty}
      idPrefix={ROW_ID_PREFIX}
      testId="corpus-documents"
      rowTestId="corpus-document-row"
      hint={t("corpus.table.keyboardHint")}
      loadingText={t("corpus.table.loading")}
      statusText={(count, more) => t(more ? "corpus.table.loadedMore" : "corpus.table.loaded", { count })}
      renderRow={(doc) => {
        const failure = doc.status === "failed" ? (doc.errorCode && isKnownFailure(doc.errorCode) ? failureLabel(doc.errorCode, t) : doc.error) : null;
        return (
          <>
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
          </>
        );
      }}
    />
  );
}
