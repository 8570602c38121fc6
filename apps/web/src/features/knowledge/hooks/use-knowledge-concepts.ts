"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TConceptDto } from "@/lib/api-types";
import { knowledgeKeys, versionPath, type TConceptFilters } from "../query-keys";

export const CONCEPT_PAGE_SIZE = 250;

export interface TConceptPage {
  items: TConceptDto[];
  nextOffset: number | null;
}

/** L1 concepts, most connected first (or best match first with `q`), a page at a time. */
export function useKnowledgeConcepts(projectId: string, versionId: string, filters: TConceptFilters) {
  return useInfiniteQuery({
    queryKey: knowledgeKeys.concepts(projectId, versionId, filters),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ offset: String(pageParam), limit: String(CONCEPT_PAGE_SIZE) });
      if (filters.q) params.set("q", filters.q);
      if (filters.discipline) params.set("discipline", filters.discipline);
      return api<TConceptPage>(`${versionPath(projectId, versionId)}/concepts?${params}`);
    },
    initialPageParam: 0,
    getNextPageParam: (page) => page.nextOffset,
  });
}
