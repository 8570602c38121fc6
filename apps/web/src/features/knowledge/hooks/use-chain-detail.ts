"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TChainDetailDto } from "@/lib/api-types";
import { knowledgeKeys, versionPath } from "../query-keys";

/** A chain's steps (relations with quote spans), notes and source chunk text. */
export function useChainDetail(projectId: string, versionId: string, chainId: string | null) {
  return useQuery({
    queryKey: knowledgeKeys.chain(projectId, versionId, chainId ?? "none"),
    queryFn: () => api<TChainDetailDto>(`${versionPath(projectId, versionId)}/chains/${encodeURIComponent(chainId!)}`),
    enabled: !!chainId,
  });
}
