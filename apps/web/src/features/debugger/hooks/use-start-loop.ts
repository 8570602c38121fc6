"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/features/jobs/query-keys";
import { api } from "@/lib/api-client";
import type { TLoopDto } from "@/lib/api-types";
import type { TLoopBody } from "../lib/loop-form";
import { loopKeys, loopsPath } from "../query-keys";

/** Starts a loop run (extract → … → evaluate V2 as one queued flow). */
export function useStartLoop(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TLoopBody) => (await api<{ loop: TLoopDto }>(loopsPath(projectId), { method: "POST", body })).loop,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: loopKeys.project(projectId) }),
        queryClient.invalidateQueries({ queryKey: jobKeys.list(projectId) }),
      ]),
  });
}
