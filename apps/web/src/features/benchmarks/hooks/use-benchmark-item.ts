"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TBenchmarkItemDetailDto } from "@/lib/api-types";
import { benchmarkKeys, benchmarkPath } from "../query-keys";

/** One item with its chain, the relations its distractors perturb, its concepts and the pre-edit original. */
export function useBenchmarkItem(projectId: string, benchmarkId: string, itemId: string | null) {
  return useQuery({
    queryKey: benchmarkKeys.item(projectId, benchmarkId, itemId ?? "none"),
    queryFn: () => api<TBenchmarkItemDetailDto>(`${benchmarkPath(projectId, benchmarkId)}/items/${encodeURIComponent(itemId!)}`),
    enabled: !!itemId,
  });
}
