"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TAlignmentDto, TExternalScoreDto } from "@/lib/api-types";
import type { TScoreRow } from "../lib/external";
import { externalKeys, externalScoresPath } from "../query-keys";

/** Imported scores of models on external benchmarks. */
export function useExternalScores(projectId: string) {
  return useQuery({
    queryKey: externalKeys.scores(projectId),
    queryFn: async () => (await api<{ scores: TExternalScoreDto[] }>(externalScoresPath(projectId))).scores,
  });
}

/** Spearman's ρ per external benchmark against our benchmark's ranking of the same models. */
export function useAlignment(projectId: string, benchmarkId: string | null) {
  return useQuery({
    queryKey: externalKeys.alignment(projectId, benchmarkId ?? ""),
    queryFn: () => api<TAlignmentDto>(`${externalScoresPath(projectId)}/alignment?${new URLSearchParams({ benchmarkId: benchmarkId! })}`),
    enabled: !!benchmarkId,
  });
}

/** Imports scores (upserted by benchmark and model name) or deletes one; the alignment follows. */
export function useScoreMutations(projectId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: externalKeys.project(projectId) });
  const add = useMutation({
    mutationFn: async (scores: TScoreRow[]) => (await api<{ scores: TExternalScoreDto[] }>(externalScoresPath(projectId), { method: "POST", body: { scores } })).scores,
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (scoreId: string) => api<null>(`${externalScoresPath(projectId)}/${encodeURIComponent(scoreId)}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  return { add, remove };
}
