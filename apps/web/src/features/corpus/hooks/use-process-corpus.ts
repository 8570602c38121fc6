"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/features/jobs/query-keys";
import { api } from "@/lib/api-client";
import type { TJobDto } from "@/lib/api-types";
import { corpusKeys } from "../query-keys";

/** Queues parsing, chunking, filtering and deduplication of every unprocessed document (202). */
export function useProcessCorpus(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      (await api<{ job: TJobDto }>(`/projects/${encodeURIComponent(projectId)}/corpus/process`, { method: "POST" })).job,
    onSuccess: (job) => {
      queryClient.setQueryData(jobKeys.detail(job.id), job);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: jobKeys.list(projectId) }),
        queryClient.invalidateQueries({ queryKey: corpusKeys.funnel(projectId) }),
      ]);
    },
  });
}
