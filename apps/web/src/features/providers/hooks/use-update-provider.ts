"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TProviderDto } from "@/lib/api-types";
import type { TProviderInput } from "../lib/provider-input";
import { providerKeys } from "../query-keys";

export function useUpdateProvider(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ providerId, input }: { providerId: string; input: TProviderInput }) =>
      (
        await api<{ provider: TProviderDto }>(
          `/projects/${encodeURIComponent(projectId)}/providers/${encodeURIComponent(providerId)}`,
          { method: "PATCH", body: input },
        )
      ).provider,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providerKeys.list(projectId) }),
  });
}
