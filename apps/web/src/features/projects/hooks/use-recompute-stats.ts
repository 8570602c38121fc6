"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TJobDto } from "@/lib/api-types";
import { jobKeys } from "@/features/jobs/query-keys";

/** Enqueues the statistics job (202); the caller follows the returned job live. */
export function useRecomputeStats(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      (
        await api<{ job: TJobDto }>(`/projects/${encodeURIComponent(projectId)}/stats/recompute`, {
          method: "POST",
        })
      ).job,
    onSuccess: (job) => {
      queryClient.setQueryData(jobKeys.detail(job.id), job);
      return queryClient.invalidateQueries({ queryKey: jobKeys.list(projectId) });
    },
  });
}
