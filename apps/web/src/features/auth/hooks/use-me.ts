"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TUserDto } from "@/lib/api-types";
import { authKeys } from "../query-keys";

/** The signed-in user. A 401 here sends the browser to /sign-in (see QueryProvider). */
export function useMe(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: async () => (await api<{ user: TUserDto }>("/auth/me")).user,
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}
