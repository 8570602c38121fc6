"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TChainSummaryDto } from "@/lib/api-types";
import { cancelVersionQueries, restoreSnapshot, snapshotVersion, writeChain } from "../lib/knowledge-cache";
import { unwrapItem } from "../lib/patch-pages";
import { versionPath } from "../query-keys";

/** An expert's new title for a chain (audited server-side), shown at once and rolled back on error. */
export function useUpdateChain(projectId: string, versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, title }: { id: string; title: string }) =>
      unwrapItem<Partial<TChainSummaryDto>>(
        await api<unknown>(`${versionPath(projectId, versionId)}/chains/${encodeURIComponent(id)}`, { method: "PATCH", body: { title } }),
        "chain",
      ),
    onMutate: async ({ id, title }) => {
      await cancelVersionQueries(queryClient, projectId, versionId);
      const snapshot = snapshotVersion(queryClient, projectId, versionId);
      writeChain(queryClient, projectId, versionId, id, { title });
      return { snapshot };
    },
    onError: (_error, _input, context) => restoreSnapshot(queryClient, context?.snapshot),
    onSuccess: (chain, { id, title }) => writeChain(queryClient, projectId, versionId, id, { title: chain?.title ?? title }),
  });
}
