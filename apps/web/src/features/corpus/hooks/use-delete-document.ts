"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { corpusKeys } from "../query-keys";

export function useDeleteDocument(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) =>
      api<null>(`/projects/${encodeURIComponent(projectId)}/corpus/documents/${encodeURIComponent(documentId)}`, {
        method: "DELETE",
      }),
    onSuccess: (_data, documentId) => {
      queryClient.removeQueries({ queryKey: corpusKeys.document(projectId, documentId) });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: corpusKeys.documentLists(projectId) }),
        queryClient.invalidateQueries({ queryKey: corpusKeys.funnel(projectId) }),
      ]);
    },
  });
}
