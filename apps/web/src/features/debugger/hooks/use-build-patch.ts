"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { datasetKeys } from "@/features/datasets/query-keys";
import { jobKeys } from "@/features/jobs/query-keys";
import { api } from "@/lib/api-client";
import type { TPatchResultDto } from "@/lib/api-types";
import { runPath, type TPatchOptionsBody } from "../query-keys";

/** Builds V2 from the run's plan (and the random control unless turned off): 202 with both versions building. */
export function useBuildPatch(projectId: string, runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPatchOptionsBody & { control: boolean }) => api<TPatchResultDto>(`${runPath(projectId, runId)}/patch`, { method: "POST", body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: datasetKeys.project(projectId) }),
        queryClient.invalidateQueries({ queryKey: jobKeys.list(projectId) }),
      ]),
  });
}
