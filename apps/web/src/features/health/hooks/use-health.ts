"use client";

import { useQuery } from "@tanstack/react-query";
import type { THealthDto } from "@/lib/api-types";
import { healthKeys } from "../query-keys";

// The one read that bypasses api(): GET /health answers 503 *with* a THealthDto when a service is
// down, and api() turns every non-2xx into an ApiError without the body. It is public, read-only and
// needs no CSRF header, so a plain fetch loses nothing.
async function fetchHealth(): Promise<THealthDto> {
  const response = await fetch("/api/v1/health", { headers: { accept: "application/json" }, cache: "no-store" });
  const body = (await response.json().catch(() => null)) as THealthDto | null;
  if (!body || typeof body.status !== "string") throw new Error(`health check failed (${response.status})`);
  return body;
}

/** Service health for the status bar, every 10 s. A failed request means the server is unreachable. */
export function useHealth() {
  return useQuery({
    queryKey: healthKeys.all,
    queryFn: fetchHealth,
    refetchInterval: 10_000,
    refetchIntervalInBackground: false,
    retry: false,
    meta: { skipAuthRedirect: true },
  });
}
