"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TPatchEstimateDto } from "@/lib/api-types";
import { debuggerKeys, runPath, type TPatchOptionsBody } from "../query-keys";

/**
 * The patch plan and the replay it would keep, for settled options (the caller debounces the form
 * and passes null while a field is invalid). Nothing is stored; the previous estimate stays shown
 * while the next one loads.
 */
export function usePatchEstimate(projectId: string, runId: string, options: TPatchOptionsBody | null, enabled: boolean) {
  return useQuery({
    queryKey: debuggerKeys.estimate(projectId, runId, options ?? { budget: 0, replayRatio: 0, seed: 0 }),
    queryFn: async () => (await api<{ estimate: TPatchEstimateDto }>(`${runPath(projectId, runId)}/patch-estimate`, { method: "POST", body: options })).estimate,
    enabled: enabled && options !== null,
    placeholderData: (previous) => previous,
    staleTime: 15_000,
    retry: false,
  });
}
