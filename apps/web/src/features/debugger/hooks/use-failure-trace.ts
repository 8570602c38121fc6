"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TFailureTraceDto } from "@/lib/api-types";
import { debuggerKeys, runPath } from "../query-keys";

/** item → chain → relations → concepts → chunks → training samples → diagnosis → patch samples, for one diagnosis. */
export function useFailureTrace(projectId: string, runId: string, diagnosisId: string) {
  return useQuery({
    queryKey: debuggerKeys.trace(projectId, runId, diagnosisId),
    queryFn: async () => (await api<{ trace: TFailureTraceDto }>(`${runPath(projectId, runId)}/diagnoses/${encodeURIComponent(diagnosisId)}`)).trace,
  });
}
