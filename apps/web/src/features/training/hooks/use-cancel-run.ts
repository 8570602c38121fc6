"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/features/jobs/query-keys";
import { api } from "@/lib/api-client";
import type { TTrainingRunDto } from "@/lib/api-types";
import { runPath } from "../query-keys";
import { writeRun } from "../lib/runs-cache";

/** Cancels a run: at once when it was waiting, else the worker stops its backend and marks it cancelled. */
export function useCancelRun(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (runId: string) => (await api<{ run: TTrainingRunDto }>(`${runPath(projectId, runId)}/cancel`, { method: "POST" })).run,
    onSuccess: (run) => {
      writeRun(queryClient, projectId, run);
      return queryClient.invalidateQueries({ queryKey: jobKeys.list(projectId) });
    },
  });
}
