"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TConceptDto } from "@/lib/api-types";
import { cancelVersionQueries, restoreSnapshot, snapshotVersion, writeConcept } from "../lib/knowledge-cache";
import type { TConceptPatch } from "../lib/edit-patches";
import { unwrapItem } from "../lib/patch-pages";
import { graphKeys } from "@/features/graph/query-keys";
import { versionPath } from "../query-keys";

/** An expert's correction of a concept (audited server-side), shown at once and rolled back on error. */
export function useUpdateConcept(projectId: string, versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, patch }: { id: string; patch: TConceptPatch }) =>
      unwrapItem<TConceptDto>(
        await api<unknown>(`${versionPath(projectId, versionId)}/concepts/${encodeURIComponent(id)}`, { method: "PATCH", body: patch }),
        "concept",
      ),
    onMutate: async ({ id, patch }) => {
      await cancelVersionQueries(queryClient, projectId, versionId);
      const snapshot = snapshotVersion(queryClient, projectId, versionId);
      writeConcept(queryClient, projectId, versionId, id, patch);
      return { snapshot };
    },
    onError: (_error, _input, context) => restoreSnapshot(queryClient, context?.snapshot),
    onSuccess: (concept, { id, patch }) => {
      // Only the editable columns: the answer may carry more (or fewer) fields than a table row.
      const answer: Partial<TConceptDto> = concept && typeof concept === "object" ? concept : {};
      const fields: Partial<TConceptDto> = { ...patch };
      for (const key of ["term", "definition", "type", "aliases"] as const) if (answer[key] !== undefined) Object.assign(fields, { [key]: answer[key] });
      writeConcept(queryClient, projectId, versionId, id, fields);
      // The overview's payload carries terms and types: its layouts now name a new revision.
      void queryClient.invalidateQueries({ queryKey: graphKeys.layouts(projectId, versionId) });
    },
  });
}
