"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useRef, useState, type ReactNode } from "react";
import { ApiError } from "@/lib/api-client";
import { signInHref } from "@/features/auth/lib/safe-next";

// Queries or mutations that expect a 401 as an answer (sign-in, /auth/me probes) opt out with
// `meta: { skipAuthRedirect: true }`.
declare module "@tanstack/react-query" {
  interface Register {
    queryMeta: { skipAuthRedirect?: boolean };
    mutationMeta: { skipAuthRedirect?: boolean };
  }
}

function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

function makeQueryClient(onUnauthenticated: () => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthenticated(error) && !query.meta?.skipAuthRedirect) onUnauthenticated();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _result, mutation) => {
        if (isUnauthenticated(error) && !mutation.meta?.skipAuthRedirect) onUnauthenticated();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // 4xx answers are final (no permission, not found, signed out); retry only transient failures.
        retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      },
    },
  });
}

export function QueryProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  // The client lives for the whole session; refs let its callbacks see the current route.
  const location = useRef({ router, pathname });
  location.current = { router, pathname };
  const [client] = useState(() =>
    makeQueryClient(() => {
      const { router: current, pathname: path } = location.current;
      if (path === "/sign-in") return;
      current.replace(signInHref(`${path}${window.location.search}`));
    }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
