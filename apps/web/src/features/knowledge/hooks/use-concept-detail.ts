"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TConceptDetailDto } from "@/lib/api-types";
import { knowledgeKeys, versionPath } from "../query-keys";

/** A concept with its definitions, mentions, relations in and out (with quotes) and chains. */
export function useConceptDetail(projectId: string, versionId: string, conceptId: string | null) {
  return useQuery({
    queryKey: knowledgeKeys.concept(projectId, versionId, conceptId ?? "none"),
    queryFn: () => api<TConceptDetailDto>(`${versionPath(projectId, versionId)}/concepts/${encodeURIComponent(conceptId!)}`),
    enabled: !!conceptId,
  });
}
