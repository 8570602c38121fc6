"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TBenchmarkDto } from "@/lib/api-types";
import { benchmarkKeys, benchmarkPath } from "../query-keys";

/** Freezes a benchmark: from then on its items are immutable (the database refuses writes). */
export function useFreezeBenchmark(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (benchmarkId: string) =>
      (await api<{ benchmark: TBenchmarkDto }>(`${benchmarkPath(projectId, benchmarkId)}/freeze`, { method: "POST" })).benchmark,
    onSuccess: (benchmark) => {
      queryClient.setQueryData<TBenchmarkDto[]>(benchmarkKeys.list(projectId), (list) => list?.map((b) => (b.id === benchmark.id ? benchmark : b)));
      return queryClient.invalidateQueries({ queryKey: benchmarkKeys.project(projectId) });
    },
  });
}
