"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TFunnelDto } from "@/lib/api-types";
import { corpusKeys } from "../query-keys";

/** documents → parsed → chunks → kept, in total and per discipline. */
export function useCorpusFunnel(projectId: string, options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: corpusKeys.funnel(projectId),
    queryFn: () => api<TFunnelDto>(`/projects/${encodeURIComponent(projectId)}/corpus/funnel`),
    refetchInterval: options.poll ? 3_000 : false,
  });
}
