"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { patchPages, type TPagesData } from "@/features/knowledge/lib/patch-pages";
import { api } from "@/lib/api-client";
import type { TDiagnosisDto, TFailureTraceDto, TPage } from "@/lib/api-types";
import { reviewPatch, type TReviewBody } from "../lib/review-actions";
import { debuggerKeys, runPath } from "../query-keys";

type TDiagnosisPages = TPagesData<TPage<TDiagnosisDto>>;

/**
 * A reviewer's accept / relabel / reject (audited server-side): shown at once in the table and the
 * trace, rolled back on error. The run's review counts, κ and the patch estimate are refetched after
 * (they depend on every decision); the table keeps its pages and scroll.
 */
export function useReviewDiagnosis(projectId: string, runId: string) {
  const queryClient = useQueryClient();
  const write = (diagnosisId: string, patch: Partial<TDiagnosisDto>) => {
    queryClient.setQueriesData<TDiagnosisPages>({ queryKey: debuggerKeys.diagnosisLists(projectId, runId) }, (data) =>
      patchPages<TDiagnosisDto, TPage<TDiagnosisDto>>(data, (d) => d.id === diagnosisId, (d) => ({ ...d, ...patch })),
    );
    queryClient.setQueryData<TFailureTraceDto>(debuggerKeys.trace(projectId, runId, diagnosisId), (trace) =>
      trace ? { ...trace, diagnosis: { ...trace.diagnosis, ...patch } } : trace,
    );
  };
  return useMutation({
    mutationFn: async ({ diagnosis, body }: { diagnosis: Pick<TDiagnosisDto, "id">; body: TReviewBody }) =>
      (await api<{ diagnosis: TDiagnosisDto }>(`${runPath(projectId, runId)}/diagnoses/${encodeURIComponent(diagnosis.id)}`, { method: "PATCH", body })).diagnosis,
    onMutate: async ({ diagnosis, body }) => {
      const queryKey = debuggerKeys.runData(projectId, runId);
      await queryClient.cancelQueries({ queryKey });
      const snapshot: [QueryKey, unknown][] = queryClient.getQueriesData({ queryKey });
      write(diagnosis.id, reviewPatch(body));
      return { snapshot };
    },
    onError: (_error, _input, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
    },
    onSuccess: (answer) => {
      write(answer.id, answer);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: debuggerKeys.run(projectId, runId) }),
        queryClient.invalidateQueries({ queryKey: [...debuggerKeys.project(projectId), "runs"] }),
        queryClient.invalidateQueries({ queryKey: [...debuggerKeys.runData(projectId, runId), "estimate"] }),
      ]);
    },
  });
}
