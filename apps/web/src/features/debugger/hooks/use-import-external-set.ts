"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { benchmarkKeys } from "@/features/benchmarks/query-keys";
import { api } from "@/lib/api-client";
import type { TBenchmarkDto } from "@/lib/api-types";
import { externalSetsPath } from "../query-keys";

/**
 * Imports an external multiple-choice set (JSONL read in the browser, sent as JSON { name?, jsonl }
 * so the CSRF header and error mapping of `api` apply). A 400 carries every bad line; nothing is stored then.
 */
export function useImportExternalSet(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ name, jsonl }: { name: string; jsonl: string }) =>
      (await api<{ benchmark: TBenchmarkDto }>(externalSetsPath(projectId), { method: "POST", body: { ...(name.trim() ? { name: name.trim() } : {}), jsonl } })).benchmark,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: benchmarkKeys.project(projectId) }),
  });
}
