"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TModelDto } from "@/lib/api-types";
import { modelKeys, modelsPath } from "../query-keys";

/** The model registry: base, trained and endpoint models, newest first. */
export function useModels(projectId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: modelKeys.list(projectId),
    queryFn: async () => (await api<{ models: TModelDto[] }>(modelsPath(projectId))).models,
    enabled: options.enabled ?? true,
  });
}
