"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TOpenApiDoc } from "../lib/openapi-model";
import { apiDocsKeys } from "../query-keys";

/** GET /api/v1/openapi.json: generated at build time, so it never changes while the page is open. */
export function useOpenApi() {
  return useQuery({ queryKey: apiDocsKeys.document(), queryFn: () => api<TOpenApiDoc>("/openapi.json"), staleTime: Infinity });
}
