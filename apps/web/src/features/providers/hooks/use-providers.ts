"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TProviderDto } from "@/lib/api-types";
import { providerKeys } from "../query-keys";

export function useProviders(projectId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: providerKeys.list(projectId),
    queryFn: async () =>
      (await api<{ providers: TProviderDto[] }>(`/projects/${encodeURIComponent(projectId)}/providers`)).providers,
    enabled: options.enabled ?? true,
  });
}
