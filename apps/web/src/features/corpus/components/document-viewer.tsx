"use client";

import { can } from "@proda/core";
import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DetailQuery } from "@/components/ui/detail-query";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatCount, formatDateTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TDocumentDetailDto } from "@/lib/api-types";
import { useCorpusDocument } from "../hooks/use-corpus-document";
import { useDeleteDocument } from "../hooks/use-delete-document";
import { buildSegments } from "../lib/chunk-segments";
import { failureLabel, isKnownFailure } from "../lib/corpus-labels";
import { formatBytes } from "../lib/format-bytes";
import { ChunkList } from "./chunk-list";
import { ChunkedText } from "./chunked-text";
import { DocumentStatusBadge } from "./document-status-badge";

function Legend() {
  const t = useT();
  const swatch = "inline-block h-3 w-5 rounded-sm border border-line-strong align-middle";
  return (
    <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-[11px] text-muted" aria-label={t("corpus.viewer.legend")}>
      <span><span className={`${swatch} bg-info/15`} /> <span className={`${swatch} bg-success/12`} /> {t("corpus.viewer.legendKept")}</span>
      <span><span className={`${swatch} bg-[repeating-linear-gradient(135deg,transparent_0_3px,var(--muted)_3px_4px)]`} /> {t("corpus.viewer.legendDropped")}</span>
      <span><span className={`${swatch} bg-accent/25`} /> {t("corpus.viewer.legendOverlap")}</span>
    </p>
  );
}

function ViewerBody({ detail }: { detail: TDocumentDetailDto }) {
  const t = useT();
  const { document, text, chunks } = detail;
  // `?chunk=<index>` (a link from a duplicate in another document) opens with that chunk in view.
  const requested = useSearchParams().get("chunk");
  const [selected, setSelected] = useState<number | null>(() => {
    const position = requested === null ? -1 : chunks.findIndex((c) => String(c.index) === requested);
    return position >= 0 ? position : null;
  });
  const [scrollRequest, setScrollRequest] = useState(() => (selected === null ? 0 : 1));
  const segmentation = useMemo(() => buildSegments(text, text?.length ?? 0, chunks), [text, chunks]);

  if (document.status === "failed") {
    return (
      <ErrorMessage
        message={`${document.errorCode && isKnownFailure(document.errorCode) ? failureLabel(document.errorCode, t) : t("corpus.viewer.failed")}${document.error ? ` — ${document.error}` : ""}`}
      />
    );
  }
  if (document.status === "expanded") {
    return <EmptyState icon="corpus" title={t("corpus.viewer.archiveTitle")}>{t("corpus.viewer.archiveBody")}</EmptyState>;
  }
  if (text === null || document.status !== "parsed") {
    return <EmptyState icon="jobs" title={t("corpus.viewer.pendingTitle")}>{t("corpus.viewer.pendingBody")}</EmptyState>;
  }
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <Legend />
      <div className="flex min-h-0 flex-1 flex-col gap-3 lg:flex-row">
        <ChunkedText
          text={text}
          chunks={chunks}
          segmentation={segmentation}
          selected={selected}
          scrollRequest={scrollRequest}
          onSelect={setSelected}
        />
        <ChunkList
          chunks={chunks}
          documentId={document.id}
          selected={selected}
          onSelect={(position) => {
            setSelected(position);
            setScrollRequest((n) => n + 1);
          }}
        />
      </div>
    </div>
  );
}

/** One document: its parsed text with the chunks highlighted, beside the chunk list. */
export function DocumentViewer({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role } = useWorkbench();
  const detail = useCorpusDocument(projectId, documentId);
  const remove = useDeleteDocument(projectId);
  const [confirming, setConfirming] = useState(false);
  const doc = detail.data?.document;

  return (
    <section
      aria-label={doc ? t("corpus.viewer.label", { name: doc.filename }) : t("corpus.viewer.loading")}
      data-testid="corpus-viewer"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !event.defaultPrevented && !(event.target instanceof HTMLInputElement)) onClose();
      }}
      // At least 26rem tall, never taller than the view: the text and the chunk list scroll inside.
      className="flex min-h-[26rem] flex-1 flex-col gap-3"
    >
      <header className="flex flex-wrap items-start gap-3">
        <Button size="sm" variant="ghost" icon="arrowLeft" onClick={onClose} autoFocus>
          {t("corpus.viewer.back")}
        </Button>
        {doc ? (
          <div className="min-w-0 flex-1">
            <h3 className="truncate text-base font-semibold text-strong" title={doc.path}>{doc.title ?? doc.filename}</h3>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted">
              <span className="font-mono">{doc.path}</span>
              <Badge>{doc.discipline}</Badge>
              <span className="font-mono uppercase">{doc.format}</span>
              <span>{formatBytes(doc.sizeBytes, locale)}</span>
              <DocumentStatusBadge document={doc} />
              {doc.status === "parsed" ? (
                <span data-testid="viewer-chunk-count">
                  {t("corpus.viewer.chunkSummary", { kept: formatCount(doc.keptCount, locale), total: formatCount(doc.chunkCount, locale) })}
                </span>
              ) : null}
              <span title={formatDateTime(doc.createdAt, locale)}>{t("corpus.viewer.uploaded", { when: formatDateTime(doc.createdAt, locale) })}</span>
            </div>
          </div>
        ) : (
          <div className="flex-1" />
        )}
        {doc && can(role, "corpus.manage") ? (
          <Button size="sm" variant="danger" icon="trash" onClick={() => { remove.reset(); setConfirming(true); }}>
            {t("common.delete")}
          </Button>
        ) : null}
      </header>
      <DetailQuery query={detail} loading={t("corpus.viewer.loading")} goneTitle={t("corpus.viewer.goneTitle")} goneBody={t("corpus.viewer.goneBody")} goneAction={<Button onClick={onClose}>{t("corpus.viewer.back")}</Button>}>
        {(data) => <ViewerBody key={documentId} detail={data} />}
      </DetailQuery>
      <ConfirmDialog
        open={confirming}
        title={t("corpus.viewer.deleteTitle")}
        confirmLabel={t("common.delete")}
        busy={remove.isPending}
        error={remove.error}
        onClose={() => setConfirming(false)}
        onConfirm={() => remove.mutate(documentId, { onSuccess: () => { setConfirming(false); onClose(); } })}
      >
        {doc ? t("corpus.viewer.deleteBody", { name: doc.filename }) : null}
      </ConfirmDialog>
    </section>
  );
}
