"use client";

import { useQuery } from "@tanstack/react-query";
import { unwrapItem } from "@/features/knowledge/lib/patch-pages";
import { api } from "@/lib/api-client";
import type { TDatasetDiffDto } from "@/lib/api-types";
import { datasetKeys, datasetPath } from "../query-keys";

/** What changed from `againstId` to this version: counts, per type, and the first samples added and removed. */
export function useDatasetDiff(projectId: string, datasetId: string, againstId: string | null) {
  return useQuery({
    queryKey: datasetKeys.diff(projectId, datasetId, againstId ?? "none"),
    // The route answers { diff }; a bare diff is read too.
    queryFn: async () => unwrapItem<TDatasetDiffDto>(await api<unknown>(`${datasetPath(projectId, datasetId)}/diff?${new URLSearchParams({ against: againstId! })}`), "diff"),
    enabled: !!againstId,
    staleTime: 5 * 60_000,
  });
}
