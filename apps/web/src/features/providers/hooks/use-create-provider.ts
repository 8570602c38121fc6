"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TProviderDto } from "@/lib/api-types";
import type { TProviderInput } from "../lib/provider-input";
import { providerKeys } from "../query-keys";

export function useCreateProvider(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: TProviderInput) =>
      (
        await api<{ provider: TProviderDto }>(`/projects/${encodeURIComponent(projectId)}/providers`, {
          method: "POST",
          body: input,
        })
      ).provider,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providerKeys.list(projectId) }),
  });
}
