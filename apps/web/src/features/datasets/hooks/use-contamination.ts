"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TContaminationReportDto } from "@/lib/api-types";
import { isChecking } from "../lib/contamination";
import { datasetKeys, datasetPath } from "../query-keys";

/** The version's latest contamination report (null before any check); polled while a check runs. Off until the version is built. */
export function useContamination(projectId: string, datasetId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    enabled: options.enabled ?? true,
    queryKey: datasetKeys.contamination(projectId, datasetId),
    queryFn: async () => (await api<{ report: TContaminationReportDto | null }>(`${datasetPath(projectId, datasetId)}/contamination`)).report,
    refetchInterval: (query) => (isChecking(query.state.data) ? 1_500 : false),
  });
}
