"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TJobDto } from "@/lib/api-types";
import { mergeJobIntoPages } from "../lib/merge-job";
import { jobKeys } from "../query-keys";

export function useCancelJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (jobId: string) =>
      (await api<{ job: TJobDto }>(`/jobs/${encodeURIComponent(jobId)}/cancel`, { method: "POST" })).job,
    onSuccess: (job) => {
      queryClient.setQueryData(jobKeys.detail(job.id), job);
      queryClient.setQueriesData({ queryKey: jobKeys.lists() }, (data) => mergeJobIntoPages(data as never, job));
      return queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
    },
  });
}
