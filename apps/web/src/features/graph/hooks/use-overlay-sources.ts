"use client";

import { useMemo } from "react";
import { useBenchmarks } from "@/features/benchmarks/hooks/use-benchmarks";
import { useDatasets } from "@/features/datasets/hooks/use-datasets";
import { useEvaluations } from "@/features/evaluation/hooks/use-evaluations";

export interface TSourceOption {
  id: string;
  label: string;
}

/**
 * What an overlay can be computed from for this knowledge version: its built dataset versions
 * (coverage) and the finished evaluations of benchmarks generated from it (failure rate).
 */
export function useOverlaySources(projectId: string, versionId: string) {
  const datasets = useDatasets(projectId);
  const benchmarks = useBenchmarks(projectId);
  const evaluations = useEvaluations(projectId, null);
  return useMemo(() => {
    const fromVersion = new Set((benchmarks.data ?? []).filter((b) => b.knowledgeVersionId === versionId).map((b) => b.id));
    const coverage: TSourceOption[] = (datasets.data ?? [])
      .filter((d) => d.knowledgeVersionId === versionId && (d.status === "ready" || d.status === "frozen"))
      .map((d) => ({ id: d.id, label: `V${d.number} · ${d.name}` }));
    const failure: TSourceOption[] = (evaluations.data ?? [])
      .filter((e) => fromVersion.has(e.benchmarkId) && (e.status === "ready" || e.status === "frozen"))
      .map((e) => ({ id: e.id, label: `#${e.number} · ${e.model.name} · ${e.benchmarkName}` }));
    return { coverage, failure, loading: datasets.isPending || benchmarks.isPending || evaluations.isPending };
  }, [datasets.data, benchmarks.data, evaluations.data, datasets.isPending, benchmarks.isPending, evaluations.isPending, versionId]);
}
