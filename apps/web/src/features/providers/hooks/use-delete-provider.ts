"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { providerKeys } from "../query-keys";

export function useDeleteProvider(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (providerId: string) =>
      api<null>(`/projects/${encodeURIComponent(projectId)}/providers/${encodeURIComponent(providerId)}`, {
        method: "DELETE",
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providerKeys.list(projectId) }),
  });
}
