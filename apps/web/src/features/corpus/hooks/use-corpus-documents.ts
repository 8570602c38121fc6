"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TDocumentDto, TPage } from "@/lib/api-types";
import { corpusKeys, type TDocumentFilters } from "../query-keys";

export const DOCUMENT_PAGE_SIZE = 200;

/** The project's documents, newest first, a page at a time as the table scrolls. */
export function useCorpusDocuments(projectId: string, filters: TDocumentFilters) {
  return useInfiniteQuery({
    queryKey: corpusKeys.documents(projectId, filters),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(DOCUMENT_PAGE_SIZE) });
      if (pageParam) params.set("cursor", pageParam);
      if (filters.discipline) params.set("discipline", filters.discipline);
      if (filters.status) params.set("status", filters.status);
      if (filters.q) params.set("q", filters.q);
      return api<TPage<TDocumentDto>>(`/projects/${encodeURIComponent(projectId)}/corpus/documents?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
