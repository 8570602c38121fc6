"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TGraphLayoutDto } from "@/lib/api-types";
import { graphKeys, layoutsPath } from "../query-keys";

const BUILDING_POLL_MS = 1_500;

/** The version's overview layouts; polls while one is being computed. */
export function useGraphLayouts(projectId: string, versionId: string) {
  return useQuery({
    queryKey: graphKeys.layouts(projectId, versionId),
    queryFn: async () => (await api<{ layouts: TGraphLayoutDto[] }>(layoutsPath(projectId, versionId))).layouts,
    refetchInterval: (query) => (query.state.data?.some((l) => l.status === "building") ? BUILDING_POLL_MS : false),
  });
}
