"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TModelDto } from "@/lib/api-types";
import { evaluationKeys, modelKeys, modelPath } from "../query-keys";

/** Renames a model; evaluations show model names, so they are refetched too. */
export function useRenameModel(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, name }: { id: string; name: string }) => (await api<{ model: TModelDto }>(modelPath(projectId, id), { method: "PATCH", body: { name } })).model,
    onSuccess: (model) => {
      queryClient.setQueryData<TModelDto[]>(modelKeys.list(projectId), (list) => list?.map((m) => (m.id === model.id ? model : m)));
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: modelKeys.list(projectId) }),
        queryClient.invalidateQueries({ queryKey: evaluationKeys.project(projectId) }),
      ]);
    },
  });
}
