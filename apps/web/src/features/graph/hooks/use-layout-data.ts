"use client";

import { useQuery } from "@tanstack/react-query";
import { ApiError } from "@/lib/api-client";
import { decodeLayout, type TGraphData } from "../lib/decode-layout";
import { graphKeys, layoutsPath } from "../query-keys";

async function fetchLayout(projectId: string, versionId: string, layoutId: string): Promise<TGraphData> {
  const response = await fetch(`/api/v1${layoutsPath(projectId, versionId)}/${encodeURIComponent(layoutId)}/data`, { credentials: "same-origin" });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(response.status, body?.error?.code ?? "error", body?.error?.message ?? response.statusText);
  }
  return decodeLayout(await response.arrayBuffer());
}

/** A ready layout's payload, decoded; it never changes, so it is fetched once per session. */
export function useLayoutData(projectId: string, versionId: string, layoutId: string | null) {
  return useQuery({
    queryKey: graphKeys.layoutData(projectId, versionId, layoutId ?? "none"),
    queryFn: () => fetchLayout(projectId, versionId, layoutId!),
    enabled: !!layoutId,
    staleTime: Infinity,
    // Typed arrays of a 300k-node graph: keep one decoded copy, never structurally compared.
    structuralSharing: false,
    gcTime: 60_000,
  });
}
