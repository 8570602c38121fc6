"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TOverlayDto } from "@/lib/api-types";
import { versionPath } from "@/features/knowledge/query-keys";
import { graphKeys } from "../query-keys";

export interface TOverlaySource {
  kind: "coverage" | "failure";
  /** A dataset version id (coverage) or an evaluation id (failure). */
  id: string;
}

/** One overlay value per layout node, for colouring by coverage or failure rate. */
export function useGraphOverlay(projectId: string, versionId: string, layoutId: string | null, source: TOverlaySource | null) {
  return useQuery({
    queryKey: graphKeys.overlay(projectId, versionId, layoutId ?? "none", source?.kind ?? "none", source?.id ?? "none"),
    queryFn: () => {
      const params = new URLSearchParams({ layoutId: layoutId!, kind: source!.kind, [source!.kind === "coverage" ? "datasetId" : "evaluationId"]: source!.id });
      return api<TOverlayDto>(`${versionPath(projectId, versionId)}/overlay?${params}`);
    },
    enabled: !!layoutId && !!source,
    staleTime: 60_000,
    structuralSharing: false,
  });
}
