"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TLineageDto } from "@/lib/api-types";
import { debuggerKeys, lineagePath, type TArtifactType } from "../query-keys";

/** What an artifact was made from and what was made from it (bounded by the server). */
export function useLineage(projectId: string, type: TArtifactType, id: string) {
  return useQuery({
    queryKey: debuggerKeys.lineage(projectId, type, id),
    queryFn: () => api<TLineageDto>(`${lineagePath(projectId)}?${new URLSearchParams({ type, id })}`),
  });
}
