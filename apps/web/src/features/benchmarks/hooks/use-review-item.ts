"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { unwrapItem } from "@/features/knowledge/lib/patch-pages";
import { api } from "@/lib/api-client";
import type { TBenchmarkItemDto } from "@/lib/api-types";
import { restoreItems, reviewPatch, snapshotItems, writeItem } from "../lib/items-cache";
import type { TReviewBody } from "../lib/review-edit";
import { benchmarkKeys, benchmarkPath } from "../query-keys";

/**
 * An expert's accept / reject / edit of an item (audited server-side): shown at once in the table
 * and the detail, rolled back on error; the benchmark's review counts are refetched after.
 */
export function useReviewItem(projectId: string, benchmarkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ item, body }: { item: TBenchmarkItemDto; body: TReviewBody }) =>
      unwrapItem<Partial<TBenchmarkItemDto> | null>(
        await api<unknown>(`${benchmarkPath(projectId, benchmarkId)}/items/${encodeURIComponent(item.id)}`, { method: "PATCH", body }),
        "item",
      ),
    onMutate: async ({ item, body }) => {
      const snapshot = await snapshotItems(queryClient, projectId, benchmarkId);
      writeItem(queryClient, projectId, benchmarkId, item.id, reviewPatch(body, item));
      return { snapshot };
    },
    onError: (_error, _input, context) => restoreItems(queryClient, context?.snapshot),
    onSuccess: (answer, { item }) => {
      // The answer's own fields win (review time, server-trimmed text); anything else stays.
      if (answer && typeof answer === "object") writeItem(queryClient, projectId, benchmarkId, item.id, answer);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: benchmarkKeys.detail(projectId, benchmarkId) }),
        queryClient.invalidateQueries({ queryKey: benchmarkKeys.list(projectId) }),
        // The pre-edit original is only known to the server.
        queryClient.invalidateQueries({ queryKey: benchmarkKeys.item(projectId, benchmarkId, item.id) }),
      ]);
    },
  });
}
