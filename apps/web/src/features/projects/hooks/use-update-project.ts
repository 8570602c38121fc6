"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TProjectDto } from "@/lib/api-types";
import { projectKeys } from "../query-keys";

export function useUpdateProject(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { name?: string; description?: string }) =>
      (
        await api<{ project: TProjectDto }>(`/projects/${encodeURIComponent(projectId)}`, {
          method: "PATCH",
          body: input,
        })
      ).project,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.all }),
  });
}
