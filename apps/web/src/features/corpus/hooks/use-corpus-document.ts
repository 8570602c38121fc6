"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TDocumentDetailDto } from "@/lib/api-types";
import { corpusKeys } from "../query-keys";

/** One document with its parsed text and chunks (with their quality decisions). */
export function useCorpusDocument(projectId: string, documentId: string | null) {
  return useQuery({
    queryKey: corpusKeys.document(projectId, documentId ?? "none"),
    queryFn: () =>
      api<TDocumentDetailDto>(
        `/projects/${encodeURIComponent(projectId)}/corpus/documents/${encodeURIComponent(documentId!)}`,
      ),
    enabled: !!documentId,
  });
}
