"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/features/jobs/query-keys";
import { api } from "@/lib/api-client";
import type { TDiagnosisRunDto } from "@/lib/api-types";
import type { TDiagnoseBody } from "../lib/diagnose-form";
import { debuggerKeys, diagnosePath } from "../query-keys";

/** Starts diagnosing a finished evaluation's failures (202); the job writes diagnoses as it goes. */
export function useStartDiagnosis(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ evaluationId, body }: { evaluationId: string; body: TDiagnoseBody }) =>
      (await api<{ run: TDiagnosisRunDto }>(diagnosePath(projectId, evaluationId), { method: "POST", body })).run,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: debuggerKeys.project(projectId) }),
        queryClient.invalidateQueries({ queryKey: jobKeys.list(projectId) }),
      ]),
  });
}
