"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/features/jobs/query-keys";
import { api } from "@/lib/api-client";
import type { TKnowledgeVersionDto } from "@/lib/api-types";
import { knowledgeKeys, type TRunInput } from "../query-keys";

/** Starts an extraction run (202): a new version, built by the worker. 409 while one runs or with no kept chunks. */
export function useStartExtraction(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: TRunInput) =>
      (await api<{ version: TKnowledgeVersionDto }>(`/projects/${encodeURIComponent(projectId)}/knowledge/versions`, { method: "POST", body: input })).version,
    onSuccess: (version) => {
      queryClient.setQueryData<TKnowledgeVersionDto[]>(knowledgeKeys.versions(projectId), (list) => [version, ...(list ?? []).filter((v) => v.id !== version.id)]);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: knowledgeKeys.versions(projectId) }),
        queryClient.invalidateQueries({ queryKey: jobKeys.list(projectId) }),
      ]);
    },
  });
}
