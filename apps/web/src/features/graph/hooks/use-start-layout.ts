"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/features/jobs/query-keys";
import { api } from "@/lib/api-client";
import type { TGraphLayoutDto } from "@/lib/api-types";
import { ALL_DISCIPLINES } from "../lib/layout-format";
import { graphKeys, layoutsPath } from "../query-keys";

/** Asks for a discipline's layout: the ready one (200) or a queued job (202). 503 when the queue is down. */
export function useStartLayout(projectId: string, versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (discipline: string) =>
      (await api<{ layout: TGraphLayoutDto }>(layoutsPath(projectId, versionId), { method: "POST", body: discipline === ALL_DISCIPLINES ? {} : { discipline } })).layout,
    onSuccess: (layout) => {
      queryClient.setQueryData<TGraphLayoutDto[]>(graphKeys.layouts(projectId, versionId), (list) => [...(list ?? []).filter((l) => l.id !== layout.id && l.discipline !== layout.discipline), layout]);
      return queryClient.invalidateQueries({ queryKey: jobKeys.list(projectId) });
    },
  });
}
