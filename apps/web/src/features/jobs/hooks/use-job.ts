"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TJobDto } from "@/lib/api-types";
import { isTerminal } from "../lib/job-status";
import { jobKeys } from "../query-keys";

/**
 * One job. The SSE stream (useJobStream) writes fresh values into this cache entry; `poll` is the
 * fallback for when the stream is down, and stops once the job is terminal.
 */
export function useJob(jobId: string | null, options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: jobKeys.detail(jobId ?? "none"),
    queryFn: async () => (await api<{ job: TJobDto }>(`/jobs/${encodeURIComponent(jobId!)}`)).job,
    enabled: !!jobId,
    refetchInterval: (query) =>
      options.poll && query.state.data && !isTerminal(query.state.data.status) ? 2_000 : false,
  });
}
