"use client";

import type { ReactNode } from "react";
import { ErrorMessage } from "@/components/ui/error-message";
import { Spinner } from "@/components/ui/spinner";
import { useT } from "@/i18n/i18n-provider";
import { ApiError } from "@/lib/api-client";
import { useMe } from "../hooks/use-me";

/** Renders children once the session is confirmed; a 401 is redirected to /sign-in by QueryProvider. */
export function AuthGate({ children }: { children: ReactNode }) {
  const t = useT();
  const me = useMe();
  if (me.isSuccess) return <>{children}</>;
  const signedOut = me.error instanceof ApiError && me.error.status === 401;
  return (
    <div className="flex h-full items-center justify-center p-6">
      {me.isError && !signedOut ? (
        <ErrorMessage error={me.error} onRetry={() => void me.refetch()} className="max-w-md" />
      ) : (
        <p className="flex items-center gap-2 text-muted" role="status">
          <Spinner /> {signedOut ? t("auth.redirecting") : t("auth.checkingSession")}
        </p>
      )}
    </div>
  );
}
