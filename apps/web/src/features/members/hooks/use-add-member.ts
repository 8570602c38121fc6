"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TRole } from "@proda/core";
import { api } from "@/lib/api-client";
import type { TMemberDto } from "@/lib/api-types";
import { memberKeys } from "../query-keys";

export function useAddMember(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { email: string; role: TRole }) =>
      (
        await api<{ member: TMemberDto }>(`/projects/${encodeURIComponent(projectId)}/members`, {
          method: "POST",
          body: input,
        })
      ).member,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.list(projectId) }),
  });
}
