"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TChainSummaryDto, TPage } from "@/lib/api-types";
import { knowledgeKeys, versionPath, type TChainFilters } from "../query-keys";

export const CHAIN_PAGE_SIZE = 250;

/** L3 reasoning chains, keyset-paginated. */
export function useKnowledgeChains(projectId: string, versionId: string, filters: TChainFilters) {
  return useInfiniteQuery({
    queryKey: knowledgeKeys.chains(projectId, versionId, filters),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(CHAIN_PAGE_SIZE) });
      if (pageParam) params.set("after", pageParam);
      if (filters.discipline) params.set("discipline", filters.discipline);
      return api<TPage<TChainSummaryDto>>(`${versionPath(projectId, versionId)}/chains?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
