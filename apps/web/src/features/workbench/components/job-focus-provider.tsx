"use client";

import { useCallback, useMemo, useState, type ReactNode } from "react";
import { useJobStream } from "@/features/jobs/hooks/use-job-stream";
import { useRecomputeStats } from "@/features/projects/hooks/use-recompute-stats";
import { JobFocusContext, type TJobFocusContext } from "./workbench-context";

export function JobFocusProvider({ projectId, children }: { projectId: string; children: ReactNode }) {
  const [selectedJobId, setSelectedJobId] = useState<string | null>(null);
  const [statsJobId, setStatsJobId] = useState<string | null>(null);
  const stream = useJobStream(selectedJobId);
  const { mutate, isPending, error } = useRecomputeStats(projectId);

  const recomputeStats = useCallback(
    () =>
      mutate(undefined, {
        onSuccess: (job) => {
          setStatsJobId(job.id);
          setSelectedJobId(job.id);
        },
      }),
    [mutate],
  );

  const value = useMemo<TJobFocusContext>(
    () => ({
      selectedJobId,
      selectJob: setSelectedJobId,
      stream,
      statsJobId,
      recomputeStats,
      recomputing: isPending,
      recomputeError: error,
    }),
    [selectedJobId, stream, statsJobId, recomputeStats, isPending, error],
  );
  return <JobFocusContext.Provider value={value}>{children}</JobFocusContext.Provider>;
}
