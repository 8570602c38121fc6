"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TEvaluationResultDto, TPage } from "@/lib/api-types";
import { resultsQuery } from "../lib/results-filters";
import { evaluationKeys, evaluationPath, type TResultFilters } from "../query-keys";

export const RESULT_PAGE_SIZE = 200;

/** An evaluation's results in item order, filtered by outcome, discipline, operator and level, a page at a time. */
export function useEvaluationResults(projectId: string, evaluationId: string, filters: TResultFilters, options: { live?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: evaluationKeys.results(projectId, evaluationId, filters),
    queryFn: ({ pageParam }) => api<TPage<TEvaluationResultDto>>(`${evaluationPath(projectId, evaluationId)}/results?${resultsQuery(filters, pageParam, RESULT_PAGE_SIZE)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // Results are written as items finish: while the evaluation runs, the loaded pages are refreshed.
    refetchInterval: options.live ? 4_000 : false,
  });
}
