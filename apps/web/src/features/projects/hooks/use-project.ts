"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TProjectDto, TProjectStatsDto } from "@/lib/api-types";
import { projectKeys } from "../query-keys";

export interface TProjectDetail {
  project: TProjectDto;
  stats: TProjectStatsDto | null;
}

export function useProject(projectId: string) {
  return useQuery({
    queryKey: projectKeys.detail(projectId),
    queryFn: () => api<TProjectDetail>(`/projects/${encodeURIComponent(projectId)}`),
  });
}
