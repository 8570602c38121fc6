"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TEvaluationCompareDto } from "@/lib/api-types";
import { evaluationKeys, evaluationsPath } from "../query-keys";

/** Evaluations of one benchmark side by side, item by item (first → last: fixed and regressed). */
export function useCompareEvaluations(projectId: string, ids: readonly string[] | null) {
  return useQuery({
    queryKey: evaluationKeys.compare(projectId, ids ?? []),
    queryFn: () => api<TEvaluationCompareDto>(`${evaluationsPath(projectId)}/compare?${new URLSearchParams({ ids: ids!.join(",") })}`),
    enabled: !!ids && ids.length >= 2,
    staleTime: 60_000,
  });
}
