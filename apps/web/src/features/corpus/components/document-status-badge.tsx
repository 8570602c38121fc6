"use client";

import { Badge, type TTone } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import { useT } from "@/i18n/i18n-provider";
import type { TDocumentDto, TDocumentStatus } from "@/lib/api-types";

export const DOCUMENT_STATUS_TONE: Record<TDocumentStatus, TTone> = {
  uploaded: "neutral",
  parsing: "info",
  parsed: "success",
  failed: "danger",
  expanded: "accent",
};

export function DocumentStatusBadge({ document }: { document: Pick<TDocumentDto, "status" | "error"> }) {
  const t = useT();
  return (
    <span title={document.status === "failed" ? (document.error ?? undefined) : undefined}>
      <Badge tone={DOCUMENT_STATUS_TONE[document.status]}>
        {document.status === "parsing" ? <Spinner size={10} /> : null}
        {t(`corpus.status.${document.status}`)}
      </Badge>
    </span>
  );
}
