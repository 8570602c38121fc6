"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TPage, TSampleDto } from "@/lib/api-types";
import { datasetKeys, datasetPath, type TSampleFilters } from "../query-keys";

export const SAMPLE_PAGE_SIZE = 200;

/** A version's samples in order, filtered by type, discipline and text, a page at a time. */
export function useDatasetSamples(projectId: string, datasetId: string, filters: TSampleFilters) {
  return useInfiniteQuery({
    queryKey: datasetKeys.samples(projectId, datasetId, filters),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(SAMPLE_PAGE_SIZE) });
      if (pageParam) params.set("cursor", pageParam);
      if (filters.type) params.set("type", filters.type);
      if (filters.discipline) params.set("discipline", filters.discipline);
      if (filters.q) params.set("q", filters.q);
      return api<TPage<TSampleDto>>(`${datasetPath(projectId, datasetId)}/samples?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
