"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TCorpusSettingsDto } from "@/lib/api-types";
import { corpusKeys } from "../query-keys";

export function useCorpusSettings(projectId: string) {
  return useQuery({
    queryKey: corpusKeys.settings(projectId),
    queryFn: async () =>
      (await api<{ settings: TCorpusSettingsDto }>(`/projects/${encodeURIComponent(projectId)}/corpus/settings`)).settings,
    staleTime: 60_000,
  });
}
