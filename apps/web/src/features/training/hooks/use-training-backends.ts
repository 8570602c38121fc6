"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TTrainerBackendDto } from "@/lib/api-types";
import { trainingKeys } from "../query-keys";

/** Each trainer backend: whether it can run now (and why not), its hyperparameter fields and base models. */
export function useTrainingBackends(projectId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: trainingKeys.backends(projectId),
    queryFn: async () => (await api<{ backends: TTrainerBackendDto[] }>(`/projects/${encodeURIComponent(projectId)}/training-backends`)).backends,
    enabled: options.enabled ?? true,
    // Availability follows GPU workers coming and going: fresh enough for a form, not polled.
    staleTime: 15_000,
  });
}
