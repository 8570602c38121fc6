"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TApiTokenDto } from "@/lib/api-types";
import { tokenKeys } from "../query-keys";

export function useTokens() {
  return useQuery({
    queryKey: tokenKeys.list(),
    queryFn: async () => (await api<{ tokens: TApiTokenDto[] }>("/tokens")).tokens,
  });
}
