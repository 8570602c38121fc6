"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TJobDto, TPage } from "@/lib/api-types";
import { isActive } from "../lib/job-status";
import { jobKeys } from "../query-keys";

const PAGE_SIZE = 50;
const ACTIVE_POLL_MS = 2_000;

/** The project's jobs, newest first. Polls every 2 s while any loaded job is queued or running. */
export function useProjectJobs(projectId: string) {
  return useInfiniteQuery({
    queryKey: jobKeys.list(projectId),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam) params.set("cursor", pageParam);
      return api<TPage<TJobDto>>(`/projects/${encodeURIComponent(projectId)}/jobs?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some(isActive)) ? ACTIVE_POLL_MS : false,
  });
}
