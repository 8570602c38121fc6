"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TRole } from "@proda/core";
import { api } from "@/lib/api-client";
import type { TMemberDto } from "@/lib/api-types";
import { projectKeys } from "@/features/projects/query-keys";
import { memberKeys } from "../query-keys";

export function useUpdateMemberRole(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { userId: string; role: TRole }) =>
      (
        await api<{ member: TMemberDto }>(
          `/projects/${encodeURIComponent(projectId)}/members/${encodeURIComponent(input.userId)}`,
          { method: "PATCH", body: { role: input.role } },
        )
      ).member,
    onSettled: () => {
      // The signed-in user may have changed their own role: refresh what the UI allows too.
      void queryClient.invalidateQueries({ queryKey: projectKeys.all });
      return queryClient.invalidateQueries({ queryKey: memberKeys.list(projectId) });
    },
  });
}
