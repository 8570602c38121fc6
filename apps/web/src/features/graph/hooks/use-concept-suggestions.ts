"use client";

import { useQuery } from "@tanstack/react-query";
import { knowledgeKeys, versionPath } from "@/features/knowledge/query-keys";
import { api } from "@/lib/api-client";
import type { TConceptDto } from "@/lib/api-types";

/** A few best matches for the overview's search box (the concept search route: prefix, then fuzzy). */
export function useConceptSuggestions(projectId: string, versionId: string, q: string, discipline: string | undefined) {
  return useQuery({
    queryKey: [...knowledgeKeys.concepts(projectId, versionId, { q, discipline }), "suggest"],
    queryFn: async () => {
      const params = new URLSearchParams({ q, limit: "8" });
      if (discipline) params.set("discipline", discipline);
      return (await api<{ items: TConceptDto[] }>(`${versionPath(projectId, versionId)}/concepts?${params}`)).items;
    },
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
}
