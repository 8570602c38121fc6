"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TApiTokenDto } from "@/lib/api-types";
import { tokenKeys } from "../query-keys";

/** The response carries the secret once; it is kept only in the mutation result, never cached. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; expiresInDays?: number }) =>
      api<{ token: TApiTokenDto; secret: string }>("/tokens", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.list() }),
  });
}
