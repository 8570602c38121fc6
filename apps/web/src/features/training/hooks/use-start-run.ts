"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/features/jobs/query-keys";
import { api } from "@/lib/api-client";
import type { TTrainingRunDto } from "@/lib/api-types";
import { runsPath, trainingKeys } from "../query-keys";
import { writeRun } from "../lib/runs-cache";

export interface TStartRunBody {
  datasetVersionId: string;
  backend: TTrainingRunDto["backend"];
  baseModelId?: string;
  providerId?: string;
  hyperparameters: Record<string, unknown>;
}

/** Starts a training run (202): the server checks the hyperparameters, the contamination gate and the backend. */
export function useStartRun(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TStartRunBody) => (await api<{ run: TTrainingRunDto }>(runsPath(projectId), { method: "POST", body })).run,
    onSuccess: (run) => {
      writeRun(queryClient, projectId, run);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: trainingKeys.runs(projectId) }),
        queryClient.invalidateQueries({ queryKey: jobKeys.list(projectId) }),
      ]);
    },
  });
}
