"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TModelDto } from "@/lib/api-types";
import type { TModelBody } from "../lib/model-form";
import { modelKeys, modelsPath } from "../query-keys";

/** Registers a model by hand (201); the list shows it at once, then is refetched. */
export function useRegisterModel(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TModelBody) => (await api<{ model: TModelDto }>(modelsPath(projectId), { method: "POST", body })).model,
    onSuccess: (model) => {
      queryClient.setQueryData<TModelDto[]>(modelKeys.list(projectId), (list) => [model, ...(list ?? []).filter((m) => m.id !== model.id)]);
      return queryClient.invalidateQueries({ queryKey: modelKeys.list(projectId) });
    },
  });
}
