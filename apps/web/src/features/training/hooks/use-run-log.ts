"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { modelKeys } from "@/features/evaluation/query-keys";
import type { TStreamStatus } from "@/features/jobs/hooks/use-job-stream";
import { api } from "@/lib/api-client";
import type { TTrainingLogEntryDto, TTrainingRunDto } from "@/lib/api-types";
import { MAX_LOG_ENTRIES, mergeLogEntries } from "../lib/log-series";
import { isRunActive } from "../lib/run-status";
import { runPath, trainingKeys } from "../query-keys";
import { writeRun } from "../lib/runs-cache";

const PAGE = 2_000;
/** Streamed entries are written into the cache in batches, not one render per line. */
const FLUSH_MS = 150;

async function fetchLog(projectId: string, runId: string): Promise<TTrainingLogEntryDto[]> {
  let entries: TTrainingLogEntryDto[] = [];
  let after = 0;
  for (;;) {
    const page = await api<{ entries: TTrainingLogEntryDto[]; nextAfter: number | null }>(`${runPath(projectId, runId)}/logs?${new URLSearchParams({ after: String(after), limit: String(PAGE) })}`);
    entries = mergeLogEntries(entries, page.entries);
    if (page.nextAfter === null || entries.length >= MAX_LOG_ENTRIES) return entries;
    after = page.nextAfter;
  }
}

/**
 * A run's log: the stored entries first (GET /logs pages), then — while the run is queued or running —
 * its SSE stream (`log` entries after the last seq held, `run` changes) written into the React Query
 * cache. The stream is closed here once the run has ended, before EventSource would reconnect.
 */
export function useRunLog(projectId: string, run: TTrainingRunDto | null) {
  const queryClient = useQueryClient();
  const runId = run?.id ?? null;
  const active = !!run && isRunActive(run.status);
  const key = trainingKeys.log(projectId, runId ?? "none");
  const log = useQuery({
    queryKey: key,
    queryFn: () => fetchLog(projectId, runId!),
    enabled: !!runId,
    // While live, the stream keeps it fresh; once ended, the log never changes.
    staleTime: Infinity,
  });
  const loaded = log.isSuccess;
  const [stream, setStream] = useState<{ runId: string | null; status: TStreamStatus }>({ runId: null, status: "idle" });

  useEffect(() => {
    if (!runId || !active || !loaded) return;
    const logKey = trainingKeys.log(projectId, runId);
    const after = queryClient.getQueryData<TTrainingLogEntryDto[]>(logKey)?.at(-1)?.seq ?? 0;
    const source = new EventSource(`/api/v1${runPath(projectId, runId)}/events?${new URLSearchParams({ after: String(after) })}`);
    let pending: TTrainingLogEntryDto[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const batch = pending;
      pending = [];
      queryClient.setQueryData<TTrainingLogEntryDto[]>(logKey, (current) => mergeLogEntries(current ?? [], batch));
    };
    setStream({ runId, status: "connecting" });
    source.onopen = () => setStream({ runId, status: "open" });
    source.addEventListener("log", (event) => {
      try {
        pending.push(JSON.parse((event as MessageEvent<string>).data) as TTrainingLogEntryDto);
      } catch {
        return; // a malformed frame is skipped; the entries after it still come
      }
      timer ??= setTimeout(flush, FLUSH_MS);
    });
    source.addEventListener("run", (event) => {
      let next: TTrainingRunDto;
      try {
        next = JSON.parse((event as MessageEvent<string>).data) as TTrainingRunDto;
      } catch {
        return;
      }
      writeRun(queryClient, projectId, next);
      if (!isRunActive(next.status)) {
        // The server sends the whole log before the final state; write what is pending and stop.
        clearTimeout(timer);
        flush();
        source.close();
        setStream({ runId, status: "closed" });
        void queryClient.invalidateQueries({ queryKey: trainingKeys.runs(projectId) });
        void queryClient.invalidateQueries({ queryKey: modelKeys.list(projectId) });
      }
    });
    source.onerror = () => {
      // CLOSED: refused (gone, forbidden); otherwise EventSource reconnects by itself with Last-Event-ID.
      setStream((current) => (current.status === "closed" ? current : { runId, status: source.readyState === EventSource.CLOSED ? "error" : "connecting" }));
    };
    return () => {
      clearTimeout(timer);
      if (pending.length) flush();
      source.close();
    };
  }, [projectId, runId, active, loaded, queryClient]);

  return { log, streamStatus: stream.runId === runId ? stream.status : ("idle" as TStreamStatus) };
}
