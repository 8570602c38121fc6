"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TNeighbourhoodDto } from "@/lib/api-types";
import { knowledgeKeys, versionPath } from "../query-keys";

/** The concepts and relations around a concept (1 or 2 hops, capped); the previous one stays shown while recentring. */
export function useConceptNeighbourhood(projectId: string, versionId: string, conceptId: string, hops: 1 | 2, cap: number) {
  return useQuery({
    queryKey: knowledgeKeys.neighbourhood(projectId, versionId, conceptId, hops, cap),
    queryFn: () =>
      api<TNeighbourhoodDto>(`${versionPath(projectId, versionId)}/concepts/${encodeURIComponent(conceptId)}/neighbourhood?${new URLSearchParams({ hops: String(hops), cap: String(cap) })}`),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
