"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TCompareDto } from "@/lib/api-types";
import { comparePath, debuggerKeys } from "../query-keys";

/** V1 vs V2 (and the control) item by item on one benchmark; finished evaluations never change, so it is cached. */
export function useDebuggerCompare(projectId: string, ids: { baseline: string; candidate: string; control: string | null } | null) {
  return useQuery({
    queryKey: debuggerKeys.compare(projectId, ids ?? { baseline: "", candidate: "", control: null }),
    queryFn: () => {
      const params = new URLSearchParams({ baseline: ids!.baseline, candidate: ids!.candidate });
      if (ids!.control) params.set("control", ids!.control);
      return api<TCompareDto>(`${comparePath(projectId)}?${params}`);
    },
    enabled: !!ids,
    staleTime: 5 * 60_000,
    retry: false,
  });
}
