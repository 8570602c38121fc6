"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/features/jobs/query-keys";
import { api } from "@/lib/api-client";
import type { TLoopDto } from "@/lib/api-types";
import { loopKeys, loopPath } from "../query-keys";

/** Cancel a running loop (its current stage's job is cancelled too) or resume one that stopped, from where it stopped. */
export function useLoopAction(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ loopId, action }: { loopId: string; action: "cancel" | "resume" }) =>
      (await api<{ loop: TLoopDto }>(`${loopPath(projectId, loopId)}/${action}`, { method: "POST" })).loop,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: loopKeys.project(projectId) }),
        queryClient.invalidateQueries({ queryKey: jobKeys.lists() }),
      ]),
  });
}
