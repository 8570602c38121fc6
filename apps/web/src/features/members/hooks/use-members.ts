"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TMemberDto } from "@/lib/api-types";
import { memberKeys } from "../query-keys";

export function useMembers(projectId: string) {
  return useQuery({
    queryKey: memberKeys.list(projectId),
    queryFn: async () =>
      (await api<{ members: TMemberDto[] }>(`/projects/${encodeURIComponent(projectId)}/members`)).members,
  });
}
