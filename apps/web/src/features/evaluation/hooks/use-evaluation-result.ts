"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TEvaluationResultDetailDto } from "@/lib/api-types";
import { evaluationKeys, evaluationPath } from "../query-keys";

/** One result with the model's raw reply and the full item (options with their distractor records). */
export function useEvaluationResult(projectId: string, evaluationId: string, itemId: string) {
  return useQuery({
    queryKey: evaluationKeys.result(projectId, evaluationId, itemId),
    queryFn: () => api<TEvaluationResultDetailDto>(`${evaluationPath(projectId, evaluationId)}/results/${encodeURIComponent(itemId)}`),
    staleTime: 5 * 60_000,
  });
}
