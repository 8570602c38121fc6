"use client";

import { useQuery } from "@tanstack/react-query";
import { isBuilding } from "@/features/benchmarks/lib/artifact-status";
import { isChecking } from "../lib/contamination";
import { api } from "@/lib/api-client";
import type { TDatasetDto } from "@/lib/api-types";
import { datasetKeys, datasetsPath } from "../query-keys";

const BUSY_POLL_MS = 1_500;

/**
 * The project's dataset versions, newest first; polls while one is being built or checked (sample
 * counts grow, and a freeze lands when its contamination check passes).
 */
export function useDatasets(projectId: string) {
  return useQuery({
    queryKey: datasetKeys.list(projectId),
    queryFn: async () => (await api<{ datasets: TDatasetDto[] }>(datasetsPath(projectId))).datasets,
    refetchInterval: (query) => (query.state.data?.some((d) => isBuilding(d) || isChecking(d.contamination)) ? BUSY_POLL_MS : false),
  });
}
