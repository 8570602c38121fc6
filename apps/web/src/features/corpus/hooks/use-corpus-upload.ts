"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import type { TJobDto } from "@/lib/api-types";
import { uploadFiles } from "../lib/upload-files";
import { distributeProgress, planBatches, precheckFile, UPLOAD_CONCURRENCY, type TPickedFile } from "../lib/upload-plan";
import { corpusKeys } from "../query-keys";
import { useProcessCorpus } from "./use-process-corpus";

export type TUploadState = "waiting" | "uploading" | "accepted" | "duplicate" | "rejected" | "failed" | "cancelled";

export interface TUploadEntry {
  id: number;
  path: string;
  size: number;
  state: TUploadState;
  /** 0..1 of this file's bytes sent. */
  progress: number;
  /** Rejections (server or pre-check): a stable code and the server's message, if any. */
  code?: string;
  message?: string;
  /** Request failures (network, validation of the form fields): described by the UI. */
  error?: unknown;
  documentId?: string;
}

export interface TUploadOptions {
  discipline?: string;
  jsonTextFields?: string;
  maxBytes?: number;
  processAfter: boolean;
}

interface TBatch {
  entries: TUploadEntry[];
  files: TPickedFile[];
  options: TUploadOptions;
}

const DONE: TUploadState[] = ["accepted", "duplicate", "rejected", "failed", "cancelled"];

/**
 * The upload queue: files go up in small batches, three requests at a time, each file with its own
 * progress and result; a failed request marks only its own files. When the queue drains, the corpus
 * is processed (unless turned off). Entries live in a ref and re-render at most every 100 ms, so a
 * folder of 50 000 files stays responsive.
 */
export type TCorpusUpload = ReturnType<typeof useCorpusUpload>;

export function useCorpusUpload(projectId: string, onProcessStarted?: (job: TJobDto) => void) {
  const queryClient = useQueryClient();
  const process = useProcessCorpus(projectId);
  const entries = useRef<TUploadEntry[]>([]);
  const queue = useRef<TBatch[]>([]);
  const workers = useRef(0);
  const acceptedSinceDrain = useRef(0);
  const processWanted = useRef(false);
  const controller = useRef<AbortController>(new AbortController());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const nextId = useRef(1);
  const [version, setVersion] = useState(0);
  const [running, setRunning] = useState(false);

  const refresh = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      setVersion((v) => v + 1);
    }, 100);
  }, []);

  const drained = useCallback(async () => {
    setRunning(false);
    setVersion((v) => v + 1);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: corpusKeys.documentLists(projectId) }),
      queryClient.invalidateQueries({ queryKey: corpusKeys.funnel(projectId) }),
    ]);
    const accepted = acceptedSinceDrain.current;
    const wanted = processWanted.current;
    acceptedSinceDrain.current = 0;
    processWanted.current = false;
    if (accepted > 0 && wanted && !controller.current.signal.aborted) {
      process.mutate(undefined, { onSuccess: (job) => onProcessStarted?.(job) });
    }
  }, [queryClient, projectId, process, onProcessStarted]);

  const runBatch = useCallback(
    async (batch: TBatch) => {
      const signal = controller.current.signal;
      if (signal.aborted) {
        for (const entry of batch.entries) entry.state = "cancelled";
        return;
      }
      for (const entry of batch.entries) entry.state = "uploading";
      refresh();
      try {
        const response = await uploadFiles(projectId, batch.files, {
          discipline: batch.options.discipline,
          jsonTextFields: batch.options.jsonTextFields,
          signal,
          onProgress: (loaded, total) => {
            const shares = distributeProgress(batch.entries.map((e) => e.size), loaded, total);
            batch.entries.forEach((entry, i) => (entry.progress = shares[i]!));
            refresh();
          },
        });
        batch.entries.forEach((entry, i) => {
          const result = response.results[i];
          entry.progress = 1;
          if (!result) {
            entry.state = "failed";
            entry.code = "missing_result";
            return;
          }
          entry.state = result.status;
          entry.documentId = result.documentId;
          entry.code = result.error?.code;
          entry.message = result.error?.message;
          if (result.status === "accepted") acceptedSinceDrain.current++;
        });
      } catch (error) {
        const cancelled = error instanceof DOMException && error.name === "AbortError";
        for (const entry of batch.entries) {
          entry.state = cancelled ? "cancelled" : "failed";
          entry.error = cancelled ? undefined : error;
        }
      }
      refresh();
    },
    [projectId, refresh],
  );

  const pump = useCallback(() => {
    while (workers.current < UPLOAD_CONCURRENCY && queue.current.length > 0) {
      workers.current++;
      void (async () => {
        for (let batch = queue.current.shift(); batch; batch = queue.current.shift()) await runBatch(batch);
        workers.current--;
        if (workers.current === 0 && queue.current.length === 0) await drained();
      })();
    }
  }, [runBatch, drained]);

  const add = useCallback(
    (picked: TPickedFile[], options: TUploadOptions) => {
      if (picked.length === 0) return;
      if (controller.current.signal.aborted) controller.current = new AbortController();
      const sendable: { entry: TUploadEntry; file: TPickedFile }[] = [];
      for (const file of picked) {
        const entry: TUploadEntry = { id: nextId.current++, path: file.path, size: file.file.size, state: "waiting", progress: 0 };
        const refused = precheckFile(file.file, options.maxBytes);
        if (refused) {
          entry.state = "rejected";
          entry.code = refused;
        } else {
          sendable.push({ entry, file });
        }
        entries.current.push(entry);
      }
      for (const indices of planBatches(sendable.map((s) => ({ size: s.entry.size, path: s.entry.path })))) {
        queue.current.push({ entries: indices.map((i) => sendable[i]!.entry), files: indices.map((i) => sendable[i]!.file), options });
      }
      if (options.processAfter) processWanted.current = true;
      setVersion((v) => v + 1);
      if (queue.current.length > 0) {
        setRunning(true);
        pump();
      }
    },
    [pump],
  );

  const cancel = useCallback(() => {
    controller.current.abort();
    for (const batch of queue.current.splice(0)) for (const entry of batch.entries) entry.state = "cancelled";
    setVersion((v) => v + 1);
  }, []);

  const clearFinished = useCallback(() => {
    entries.current = entries.current.filter((entry) => !DONE.includes(entry.state));
    setVersion((v) => v + 1);
  }, []);

  const summary = useMemo(() => {
    void version;
    const counts: Record<TUploadState, number> = { waiting: 0, uploading: 0, accepted: 0, duplicate: 0, rejected: 0, failed: 0, cancelled: 0 };
    let bytes = 0;
    let sent = 0;
    for (const entry of entries.current) {
      counts[entry.state]++;
      bytes += entry.size;
      sent += DONE.includes(entry.state) ? entry.size : entry.size * entry.progress;
    }
    return { counts, total: entries.current.length, done: entries.current.length - counts.waiting - counts.uploading, progress: bytes ? sent / bytes : 1 };
  }, [version]);

  return {
    /** A new array each time something changed, so lists re-render. */
    entries: useMemo(() => (void version, [...entries.current]), [version]),
    summary,
    running,
    add,
    cancel,
    clearFinished,
    processing: process.isPending,
    processError: process.error,
  };
}
