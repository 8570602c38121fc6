"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { TUserDto } from "@/lib/api-types";
import { authKeys } from "../query-keys";

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    // A 401 here means "wrong credentials", not "session expired".
    meta: { skipAuthRedirect: true },
    mutationFn: (input: { email: string; password: string }) =>
      api<{ user: TUserDto }>("/auth/sign-in", { method: "POST", body: input }),
    onSuccess: ({ user }) => {
      queryClient.clear();
      queryClient.setQueryData(authKeys.me(), user);
    },
  });
}
