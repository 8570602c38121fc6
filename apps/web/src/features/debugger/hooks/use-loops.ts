"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { api } from "@/lib/api-client";
import type { TLoopDto } from "@/lib/api-types";
import { isLoopActive } from "../lib/loop-view";
import { loopKeys, loopsPath } from "../query-keys";

const BUSY_POLL_MS = 2_000;

/** The artifact lists a loop adds to as it moves: refreshed whenever a loop changes stage or ends. */
const LOOP_ARTIFACT_ROOTS = ["knowledge", "benchmarks", "datasets", "training", "models", "evaluations", "debugger"];

/** The project's loop runs, newest first; polls while one is queued or running (its timeline moves). */
export function useLoops(projectId: string, options: { enabled?: boolean } = {}) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: loopKeys.list(projectId),
    queryFn: async () => (await api<{ loops: TLoopDto[] }>(loopsPath(projectId))).loops,
    enabled: options.enabled ?? true,
    refetchInterval: (q) => (q.state.data?.some((l) => isLoopActive(l.status)) ? BUSY_POLL_MS : false),
  });
  // Other views poll only while their own artifacts are building, so a list read before the loop
  // made its first evaluation would stay empty: a new stage or a finished loop refreshes them.
  const signature = (query.data ?? []).map((l) => `${l.id}:${l.stage}:${l.status}`).join("|");
  const previous = useRef<string | null>(null);
  useEffect(() => {
    if (previous.current !== null && previous.current !== signature) {
      for (const root of LOOP_ARTIFACT_ROOTS) void queryClient.invalidateQueries({ queryKey: [root, projectId] });
    }
    previous.current = signature;
  }, [signature, projectId, queryClient]);
  return query;
}
