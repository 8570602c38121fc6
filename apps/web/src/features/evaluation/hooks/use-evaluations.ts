"use client";

import { useQuery } from "@tanstack/react-query";
import { isBuilding } from "@/features/benchmarks/lib/artifact-status";
import { api } from "@/lib/api-client";
import type { TEvaluationDto } from "@/lib/api-types";
import { evaluationKeys, evaluationsPath } from "../query-keys";

const BUSY_POLL_MS = 2_000;

/**
 * The project's evaluations (newest first) or, with a benchmark, its leaderboard (best accuracy
 * first, unfinished last); polls while one is running (its progress and summary move).
 */
export function useEvaluations(projectId: string, benchmarkId: string | null, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: evaluationKeys.list(projectId, benchmarkId),
    queryFn: async () => {
      const query = benchmarkId ? `?${new URLSearchParams({ benchmarkId })}` : "";
      return (await api<{ evaluations: TEvaluationDto[] }>(`${evaluationsPath(projectId)}${query}`)).evaluations;
    },
    enabled: options.enabled ?? true,
    refetchInterval: (query) => (query.state.data?.some(isBuilding) ? BUSY_POLL_MS : false),
  });
}
