"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TBenchmarkItemDto, TPage } from "@/lib/api-types";
import { benchmarkKeys, benchmarkPath, type TItemFilters } from "../query-keys";

export const ITEM_PAGE_SIZE = 200;

/** A benchmark's items in generation order, filtered, a page at a time (keyset cursor). */
export function useBenchmarkItems(projectId: string, benchmarkId: string, filters: TItemFilters) {
  return useInfiniteQuery({
    queryKey: benchmarkKeys.items(projectId, benchmarkId, filters),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(ITEM_PAGE_SIZE) });
      if (pageParam) params.set("cursor", pageParam);
      for (const key of ["discipline", "review", "operator", "mode", "q"] as const) {
        const value = filters[key];
        if (value) params.set(key, value);
      }
      return api<TPage<TBenchmarkItemDto>>(`${benchmarkPath(projectId, benchmarkId)}/items?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
