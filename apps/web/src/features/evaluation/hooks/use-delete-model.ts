"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TModelDto } from "@/lib/api-types";
import { evaluationKeys, modelKeys, modelPath } from "../query-keys";

/** Removes a model (409 when it has finished evaluations: they are kept, and so is it). */
export function useDeleteModel(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await api<null>(modelPath(projectId, id), { method: "DELETE" });
      return id;
    },
    onSuccess: (id) => {
      queryClient.setQueryData<TModelDto[]>(modelKeys.list(projectId), (list) => list?.filter((m) => m.id !== id));
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: modelKeys.list(projectId) }),
        queryClient.invalidateQueries({ queryKey: evaluationKeys.project(projectId) }),
      ]);
    },
  });
}
