"use client";

import { useQuery } from "@tanstack/react-query";
import { isBuilding } from "@/features/benchmarks/lib/artifact-status";
import { api } from "@/lib/api-client";
import type { TDiagnosisRunDto } from "@/lib/api-types";
import { debuggerKeys, runsPath } from "../query-keys";

const BUSY_POLL_MS = 2_000;

/** Diagnosis runs, newest first (with an evaluation id, that evaluation's); polls while one runs. */
export function useDiagnosisRuns(projectId: string, evaluationId: string | null, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: debuggerKeys.runs(projectId, evaluationId),
    queryFn: async () => {
      const query = evaluationId ? `?${new URLSearchParams({ evaluationId })}` : "";
      return (await api<{ runs: TDiagnosisRunDto[] }>(`${runsPath(projectId)}${query}`)).runs;
    },
    enabled: options.enabled ?? true,
    refetchInterval: (query) => (query.state.data?.some(isBuilding) ? BUSY_POLL_MS : false),
  });
}
