"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TPage, TRelationDto } from "@/lib/api-types";
import { knowledgeKeys, versionPath, type TRelationFilters } from "../query-keys";

export const RELATION_PAGE_SIZE = 250;

/** L2 relations with their quotes, keyset-paginated. */
export function useKnowledgeRelations(projectId: string, versionId: string, filters: TRelationFilters) {
  return useInfiniteQuery({
    queryKey: knowledgeKeys.relations(projectId, versionId, filters),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(RELATION_PAGE_SIZE) });
      if (pageParam) params.set("after", pageParam);
      if (filters.discipline) params.set("discipline", filters.discipline);
      if (filters.type) params.set("type", filters.type);
      return api<TPage<TRelationDto>>(`${versionPath(projectId, versionId)}/relations?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
