"use client";

import { useMutation } from "@tanstack/react-query";
import { api } from "@/lib/api-client";

export function useSignOut() {
  return useMutation({
    meta: { skipAuthRedirect: true },
    mutationFn: () => api<null>("/auth/sign-out", { method: "POST" }),
    // A full navigation drops every cached query, open stream and poll of the old session.
    onSettled: () => window.location.assign("/sign-in"),
  });
}
