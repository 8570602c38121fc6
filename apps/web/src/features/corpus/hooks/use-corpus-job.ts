"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useProjectJobs } from "@/features/jobs/hooks/use-project-jobs";
import { isActive, isTerminal, jobProgress } from "@/features/jobs/lib/job-status";
import type { TJobDto } from "@/lib/api-types";
import { corpusKeys } from "../query-keys";

export const PROCESS_JOB_KIND = "corpus.deduplicate";

export interface TCorpusJob {
  /** The latest processing job (the deduplication parent), or null if the corpus was never processed. */
  job: TJobDto | null;
  /** Its parse batches, as far as the loaded job list holds them. */
  batches: TJobDto[];
  doneBatches: number;
  failedBatches: number;
  /** 0..1 over the batches and the parent; null while nothing has reported progress. */
  progress: number | null;
  active: boolean;
}

/**
 * The corpus's processing job, read from the project's job list (which polls while a job runs and
 * receives SSE updates for the followed job). When a batch or the job finishes, the corpus queries
 * are refreshed so the table and the funnel move with it.
 */
export function useCorpusJob(projectId: string): TCorpusJob {
  const queryClient = useQueryClient();
  const jobs = useProjectJobs(projectId);
  const items = jobs.data?.pages.flatMap((page) => page.items) ?? [];
  const job = items.find((item) => item.kind === PROCESS_JOB_KIND) ?? null;
  const batches = job ? items.filter((item) => item.parentId === job.id) : [];
  const doneBatches = batches.filter((b) => isTerminal(b.status)).length;
  const failedBatches = batches.filter((b) => b.status === "failed").length;
  const parts = job ? [...batches.map(jobProgress), jobProgress(job)] : [];
  const progress = job
    ? job.status === "completed"
      ? 1
      : parts.every((p) => p === null)
        ? null
        : parts.reduce<number>((sum, p) => sum + (p ?? 0), 0) / parts.length
    : null;

  const signature = job ? `${job.id}:${job.status}:${doneBatches}` : "";
  const previous = useRef<string | null>(null);
  useEffect(() => {
    if (previous.current !== null && previous.current !== signature) {
      void queryClient.invalidateQueries({
        queryKey: corpusKeys.project(projectId),
        predicate: (query) => query.queryKey[2] !== "settings",
      });
    }
    previous.current = signature;
  }, [signature, projectId, queryClient]);

  return { job, batches, doneBatches, failedBatches, progress, active: job ? isActive(job) : false };
}
