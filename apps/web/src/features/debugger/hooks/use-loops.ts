"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TLoopDto } from "@/lib/api-types";
import { isLoopActive } from "../lib/loop-view";
import { loopKeys, loopsPath } from "../query-keys";

const BUSY_POLL_MS = 2_000;

/** The project's loop runs, newest first; polls while one is queued or running (its timeline moves). */
export function useLoops(projectId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: loopKeys.list(projectId),
    queryFn: async () => (await api<{ loops: TLoopDto[] }>(loopsPath(projectId))).loops,
    enabled: options.enabled ?? true,
    refetchInterval: (query) => (query.state.data?.some((l) => isLoopActive(l.status)) ? BUSY_POLL_MS : false),
  });
}
