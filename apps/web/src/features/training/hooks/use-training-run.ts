"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TTrainingRunDto } from "@/lib/api-types";
import { isRunActive } from "../lib/run-status";
import { runPath, trainingKeys } from "../query-keys";

/** One run. Its SSE stream (useRunLog) writes fresh values here; the poll is the fallback while it is active. */
export function useTrainingRun(projectId: string, runId: string | null, initial?: TTrainingRunDto) {
  return useQuery({
    queryKey: trainingKeys.run(projectId, runId ?? "none"),
    queryFn: async () => (await api<{ run: TTrainingRunDto }>(runPath(projectId, runId!))).run,
    enabled: !!runId,
    initialData: initial,
    refetchInterval: (query) => (query.state.data && isRunActive(query.state.data.status) ? 3_000 : false),
  });
}
