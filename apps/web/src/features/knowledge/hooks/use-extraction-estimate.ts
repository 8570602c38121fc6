"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TEstimateDto } from "@/lib/api-types";
import { knowledgeKeys, type TRunInput } from "../query-keys";

/** The dry run of an extraction (calls, tokens, cost, time at the rate limit) before starting it. */
export function useExtractionEstimate(projectId: string, input: TRunInput, options: { enabled: boolean }) {
  return useQuery({
    queryKey: knowledgeKeys.estimate(projectId, input),
    queryFn: () => api<TEstimateDto>(`/projects/${encodeURIComponent(projectId)}/knowledge/estimate`, { method: "POST", body: input }),
    enabled: options.enabled,
    staleTime: 30_000,
    retry: false,
  });
}
