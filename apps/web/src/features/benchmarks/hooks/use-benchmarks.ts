"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TBenchmarkDto } from "@/lib/api-types";
import { isBuilding } from "../lib/artifact-status";
import { benchmarkKeys, benchmarksPath } from "../query-keys";

const BUILDING_POLL_MS = 1_500;

/** The project's benchmarks, newest first; polls while one is being built (item counts grow). */
export function useBenchmarks(projectId: string) {
  return useQuery({
    queryKey: benchmarkKeys.list(projectId),
    queryFn: async () => (await api<{ benchmarks: TBenchmarkDto[] }>(benchmarksPath(projectId))).benchmarks,
    refetchInterval: (query) => (query.state.data?.some(isBuilding) ? BUILDING_POLL_MS : false),
  });
}
