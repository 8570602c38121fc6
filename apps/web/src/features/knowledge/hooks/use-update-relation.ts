"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TRelationDto } from "@/lib/api-types";
import { cancelVersionQueries, restoreSnapshot, snapshotVersion, writeRelation } from "../lib/knowledge-cache";
import type { TRelationPatch } from "../lib/edit-patches";
import { unwrapItem } from "../lib/patch-pages";
import { knowledgeKeys, versionPath } from "../query-keys";

/** An expert's correction of a relation (audited server-side), shown at once and rolled back on error. */
export function useUpdateRelation(projectId: string, versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, patch }: { id: string; patch: TRelationPatch }) =>
      unwrapItem<TRelationDto>(
        await api<unknown>(`${versionPath(projectId, versionId)}/relations/${encodeURIComponent(id)}`, { method: "PATCH", body: patch }),
        "relation",
      ),
    onMutate: async ({ id, patch }) => {
      await cancelVersionQueries(queryClient, projectId, versionId);
      const snapshot = snapshotVersion(queryClient, projectId, versionId);
      writeRelation(queryClient, projectId, versionId, id, patch);
      return { snapshot };
    },
    onError: (_error, _input, context) => restoreSnapshot(queryClient, context?.snapshot),
    onSuccess: (relation, { id, patch }) => {
      // The answer may be the full relation or only its columns: keep what the table already shows.
      const { type, predicate, negated } = relation && typeof relation === "object" ? relation : ({} as Partial<TRelationDto>);
      writeRelation(queryClient, projectId, versionId, id, { ...patch, ...(type !== undefined && { type }), ...(predicate !== undefined && { predicate }), ...(negated !== undefined && { negated }) });
      // Edge types in open neighbourhoods are cheap to reload.
      return queryClient.invalidateQueries({ queryKey: [...knowledgeKeys.data(projectId, versionId), "neighbourhood"] });
    },
  });
}
