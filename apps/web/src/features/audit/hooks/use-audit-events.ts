"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TAuditEventDto, TPage } from "@/lib/api-types";
import { auditKeys } from "../query-keys";

export function useAuditEvents(projectId: string, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(projectId),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams();
      if (pageParam) params.set("cursor", pageParam);
      const query = params.size ? `?${params}` : "";
      return api<TPage<TAuditEventDto>>(`/projects/${encodeURIComponent(projectId)}/audit${query}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: options.enabled ?? true,
  });
}
