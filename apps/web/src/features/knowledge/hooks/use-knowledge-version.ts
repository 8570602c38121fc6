"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TKnowledgeVersionDto } from "@/lib/api-types";
import { isBuilding } from "../lib/version-status";
import { knowledgeKeys, versionPath } from "../query-keys";

/** One version with its quality report; seeded from the versions list, polled while it is built. */
export function useKnowledgeVersion(projectId: string, versionId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: knowledgeKeys.version(projectId, versionId ?? "none"),
    queryFn: async () => (await api<{ version: TKnowledgeVersionDto }>(versionPath(projectId, versionId!))).version,
    enabled: !!versionId,
    initialData: () =>
      queryClient.getQueryData<TKnowledgeVersionDto[]>(knowledgeKeys.versions(projectId))?.find((v) => v.id === versionId && v.report),
    initialDataUpdatedAt: () => queryClient.getQueryState(knowledgeKeys.versions(projectId))?.dataUpdatedAt,
    refetchInterval: (query) => (query.state.data && isBuilding(query.state.data) ? 2_000 : false),
  });
}
