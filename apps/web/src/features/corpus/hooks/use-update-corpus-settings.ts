"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TCorpusSettingsDto } from "@/lib/api-types";
import { corpusKeys } from "../query-keys";

/** PUT replaces the settings; `{}` resets every field to its default. */
export function useUpdateCorpusSettings(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (settings: Partial<Omit<TCorpusSettingsDto, "maxUploadBytes">>) =>
      (
        await api<{ settings: TCorpusSettingsDto }>(`/projects/${encodeURIComponent(projectId)}/corpus/settings`, {
          method: "PUT",
          body: settings,
        })
      ).settings,
    onSuccess: (settings) => queryClient.setQueryData(corpusKeys.settings(projectId), settings),
  });
}
