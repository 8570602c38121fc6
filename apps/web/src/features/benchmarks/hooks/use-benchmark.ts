"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TBenchmarkDetailDto } from "@/lib/api-types";
import { isBuilding } from "../lib/artifact-status";
import { benchmarkKeys, benchmarkPath } from "../query-keys";

/** One benchmark with its statistics; polled while it is built. */
export function useBenchmark(projectId: string, benchmarkId: string | null) {
  return useQuery({
    queryKey: benchmarkKeys.detail(projectId, benchmarkId ?? "none"),
    queryFn: () => api<TBenchmarkDetailDto>(benchmarkPath(projectId, benchmarkId!)),
    enabled: !!benchmarkId,
    refetchInterval: (query) => (query.state.data && isBuilding(query.state.data.benchmark) ? 2_000 : false),
  });
}
