"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/features/jobs/query-keys";
import { api } from "@/lib/api-client";
import type { TBenchmarkDto } from "@/lib/api-types";
import type { TCreateBenchmarkBody } from "../lib/settings-form";
import { benchmarkKeys, benchmarksPath } from "../query-keys";

/** Starts building a benchmark (202): the worker writes its items as they finish. */
export function useCreateBenchmark(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TCreateBenchmarkBody) =>
      (await api<{ benchmark: TBenchmarkDto }>(benchmarksPath(projectId), { method: "POST", body })).benchmark,
    onSuccess: (benchmark) => {
      queryClient.setQueryData<TBenchmarkDto[]>(benchmarkKeys.list(projectId), (list) => [benchmark, ...(list ?? []).filter((b) => b.id !== benchmark.id)]);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: benchmarkKeys.list(projectId) }),
        queryClient.invalidateQueries({ queryKey: jobKeys.list(projectId) }),
      ]);
    },
  });
}
