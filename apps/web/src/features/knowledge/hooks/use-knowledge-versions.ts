"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TKnowledgeVersionDto } from "@/lib/api-types";
import { isBuilding } from "../lib/version-status";
import { knowledgeKeys } from "../query-keys";

const BUILDING_POLL_MS = 1_500;

/** The project's knowledge versions, newest first; polls while one is being built (live counters). */
export function useKnowledgeVersions(projectId: string) {
  return useQuery({
    queryKey: knowledgeKeys.versions(projectId),
    queryFn: async () =>
      (await api<{ versions: TKnowledgeVersionDto[] }>(`/projects/${encodeURIComponent(projectId)}/knowledge/versions`)).versions,
    refetchInterval: (query) => (query.state.data?.some(isBuilding) ? BUILDING_POLL_MS : false),
  });
}
