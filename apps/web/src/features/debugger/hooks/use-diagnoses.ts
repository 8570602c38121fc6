"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TDiagnosisDto, TPage } from "@/lib/api-types";
import { diagnosesQuery } from "../lib/diagnosis-filters";
import { debuggerKeys, runPath, type TDiagnosisFilters } from "../query-keys";

export const DIAGNOSIS_PAGE_SIZE = 200;

/** A run's diagnoses (the failures table), filtered by class, discipline, operator and review state, a page at a time. */
export function useDiagnoses(projectId: string, runId: string, filters: TDiagnosisFilters) {
  return useInfiniteQuery({
    queryKey: debuggerKeys.diagnoses(projectId, runId, filters),
    queryFn: ({ pageParam }) => api<TPage<TDiagnosisDto>>(`${runPath(projectId, runId)}/diagnoses?${diagnosesQuery(filters, pageParam, DIAGNOSIS_PAGE_SIZE)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
