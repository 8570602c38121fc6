"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/features/jobs/query-keys";
import { api } from "@/lib/api-client";
import type { TDatasetDto } from "@/lib/api-types";
import type { TCreateDatasetBody } from "../lib/dataset-form";
import { datasetKeys, datasetsPath } from "../query-keys";

/** Starts building a dataset version (202), from a new recipe or by rebuilding another version's. */
export function useCreateDataset(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TCreateDatasetBody | { rebuildOf: string }) =>
      (await api<{ dataset: TDatasetDto }>(datasetsPath(projectId), { method: "POST", body })).dataset,
    onSuccess: (dataset) => {
      queryClient.setQueryData<TDatasetDto[]>(datasetKeys.list(projectId), (list) => [dataset, ...(list ?? []).filter((d) => d.id !== dataset.id)]);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: datasetKeys.list(projectId) }),
        queryClient.invalidateQueries({ queryKey: jobKeys.list(projectId) }),
      ]);
    },
  });
}
