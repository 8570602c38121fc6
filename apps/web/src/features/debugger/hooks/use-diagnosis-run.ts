"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TDiagnosisRunDetailDto } from "@/lib/api-types";
import { debuggerKeys, runPath } from "../query-keys";

/** One run with its failures grouped by discipline, operator and node; polls while it runs. */
export function useDiagnosisRun(projectId: string, runId: string | null) {
  return useQuery({
    queryKey: debuggerKeys.run(projectId, runId ?? ""),
    queryFn: () => api<TDiagnosisRunDetailDto>(runPath(projectId, runId!)),
    enabled: !!runId,
    refetchInterval: (query) => (query.state.data?.run.status === "building" ? 2_000 : false),
  });
}
