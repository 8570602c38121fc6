"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TProjectDto } from "@/lib/api-types";
import { projectKeys } from "../query-keys";

export function useProjects(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: projectKeys.list(),
    queryFn: async () => (await api<{ projects: TProjectDto[] }>("/projects")).projects,
    enabled: options.enabled ?? true,
  });
}
