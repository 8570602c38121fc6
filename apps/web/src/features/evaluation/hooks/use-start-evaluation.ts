"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/features/jobs/query-keys";
import { api } from "@/lib/api-client";
import type { TEvaluationDto } from "@/lib/api-types";
import type { evaluationBody } from "../lib/settings-form";
import { evaluationKeys, evaluationsPath } from "../query-keys";

/** Evaluates a model on a frozen benchmark (202); the job answers every item and writes results as they finish. */
export function useStartEvaluation(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ReturnType<typeof evaluationBody>) => (await api<{ evaluation: TEvaluationDto }>(evaluationsPath(projectId), { method: "POST", body })).evaluation,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: evaluationKeys.project(projectId) }),
        queryClient.invalidateQueries({ queryKey: jobKeys.list(projectId) }),
      ]),
  });
}
