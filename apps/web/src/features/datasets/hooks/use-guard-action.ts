"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/features/jobs/query-keys";
import { api } from "@/lib/api-client";
import type { TContaminationReportDto, TContaminationSummaryDto } from "@/lib/api-types";
import { datasetKeys, datasetPath } from "../query-keys";

export type TGuardAction =
  | { kind: "check"; benchmarkIds?: string[]; override?: { reason: string } }
  | { kind: "freeze"; override?: { reason: string } };

/**
 * Runs the contamination guard (202): a check, or a freeze, which checks first and freezes the version
 * when the guard lets it through (an override with a reason lets hits through). The answer may be
 * the report's summary only: it is shown at once, and the full report (with its job) is refetched.
 */
export function useGuardAction(projectId: string, datasetId: string) {
  const queryClient = useQueryClient();
  const key = datasetKeys.contamination(projectId, datasetId);
  return useMutation({
    mutationFn: async ({ kind, ...body }: TGuardAction) =>
      (await api<{ report: TContaminationSummaryDto & Partial<TContaminationReportDto> }>(`${datasetPath(projectId, datasetId)}/${kind === "check" ? "contamination" : "freeze"}`, { method: "POST", body })).report,
    onSuccess: (report) => {
      queryClient.setQueryData<TContaminationReportDto | null>(key, {
        options: { ngram: 13, nearDuplicateThreshold: 0.8 },
        hits: [],
        nodeReport: [],
        overrideBy: null,
        freezeOnPass: false,
        jobId: null,
        error: null,
        ...report,
      });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: datasetKeys.list(projectId) }),
        queryClient.invalidateQueries({ queryKey: jobKeys.list(projectId) }),
      ]);
    },
  });
}
