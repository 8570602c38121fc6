"use client";

import { useQuery } from "@tanstack/react-query";
import { ApiError } from "@/lib/api-client";
import type { TGraphLayoutDto } from "@/lib/api-types";
import { decodeLayout, type TGraphData } from "../lib/decode-layout";
import { graphKeys, layoutsPath } from "../query-keys";

async function fetchLayout(projectId: string, versionId: string, layout: TGraphLayoutDto): Promise<TGraphData> {
  const url = `/api/v1${layoutsPath(projectId, versionId)}/${encodeURIComponent(layout.id)}/data?rev=${encodeURIComponent(layout.revision)}`;
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(response.status, body?.error?.code ?? "error", body?.error?.message ?? response.statusText);
  }
  return decodeLayout(await response.arrayBuffer());
}

/** A ready layout's payload, decoded; fetched once per revision (a concept edit makes a new one). */
export function useLayoutData(projectId: string, versionId: string, layout: TGraphLayoutDto | null) {
  return useQuery({
    queryKey: graphKeys.layoutData(projectId, versionId, layout?.id ?? "none", layout?.revision ?? ""),
    queryFn: () => fetchLayout(projectId, versionId, layout!),
    enabled: !!layout,
    staleTime: Infinity,
    // Typed arrays of a 300k-node graph: keep one decoded copy, never structurally compared.
    structuralSharing: false,
    gcTime: 60_000,
  });
}
