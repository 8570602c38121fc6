"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { TJobDto } from "@/lib/api-types";
import { projectKeys } from "@/features/projects/query-keys";
import { isTerminal } from "../lib/job-status";
import { mergeJobIntoPages } from "../lib/merge-job";
import { jobKeys } from "../query-keys";

export type TStreamStatus = "idle" | "connecting" | "open" | "closed" | "error";

export interface TJobStreamEvent {
  at: string;
  job: TJobDto;
}

const MAX_EVENTS = 500;

/**
 * Follows one job over Server-Sent Events (GET /jobs/:id/events; each message is a TJobDto).
 * Every update is written into the React Query cache (the job and any list holding it), so all views
 * of the job move together. The stream is closed here on a terminal status, before the server's end
 * of stream would make EventSource reconnect.
 */
export function useJobStream(jobId: string | null): { status: TStreamStatus; events: TJobStreamEvent[] } {
  const queryClient = useQueryClient();
  const [state, setState] = useState<{ jobId: string | null; status: TStreamStatus; events: TJobStreamEvent[] }>({
    jobId: null,
    status: "idle",
    events: [],
  });

  useEffect(() => {
    if (!jobId) return;
    setState({ jobId, status: "connecting", events: [] });
    const source = new EventSource(`/api/v1/jobs/${encodeURIComponent(jobId)}/events`);
    let last: TJobDto | null = null;

    source.onopen = () => setState((current) => ({ ...current, status: "open" }));
    source.onmessage = (message) => {
      let job: TJobDto;
      try {
        job = JSON.parse(message.data) as TJobDto;
      } catch {
        return; // a malformed frame is skipped; the next one carries the full state again
      }
      queryClient.setQueryData(jobKeys.detail(job.id), job);
      queryClient.setQueriesData({ queryKey: jobKeys.lists() }, (data) => mergeJobIntoPages(data as never, job));
      const changed =
        !last || last.status !== job.status || last.message !== job.message || last.error !== job.error;
      if (!last) void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
      last = job;
      if (changed) {
        const event = { at: new Date().toISOString(), job };
        setState((current) => ({ ...current, events: [...current.events, event].slice(-MAX_EVENTS) }));
      }
      if (isTerminal(job.status)) {
        source.close();
        setState((current) => ({ ...current, status: "closed" }));
        void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
        if (job.projectId) void queryClient.invalidateQueries({ queryKey: projectKeys.detail(job.projectId) });
      }
    };
    source.onerror = () => {
      // CLOSED: the server refused the stream (gone, forbidden); otherwise EventSource retries by itself.
      const status = source.readyState === EventSource.CLOSED ? "error" : "connecting";
      setState((current) => (current.status === "closed" ? current : { ...current, status }));
    };
    return () => source.close();
  }, [jobId, queryClient]);

  if (state.jobId !== jobId) return { status: jobId ? "connecting" : "idle", events: [] };
  return { status: state.status, events: state.events };
}
