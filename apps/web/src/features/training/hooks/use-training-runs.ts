"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { isRunActive } from "../lib/run-status";
import type { TRunsPage } from "../lib/runs-cache";
import { runsPath, trainingKeys } from "../query-keys";

const ACTIVE_POLL_MS = 2_000;
const PAGE_SIZE = 100;

/**
 * The project's training runs, newest first, a page at a time; polls while one is queued or running
 * (the shown run also streams over SSE, which writes into this cache).
 */
export function useTrainingRuns(projectId: string) {
  return useInfiniteQuery({
    queryKey: trainingKeys.runs(projectId),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam) params.set("cursor", pageParam);
      return api<TRunsPage>(`${runsPath(projectId)}?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.runs.some((r) => isRunActive(r.status))) ? ACTIVE_POLL_MS : false),
  });
}
