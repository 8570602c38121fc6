"use client";

import { useT } from "@/i18n/i18n-provider";
import { Button } from "./ui/button";
import { EmptyState } from "./ui/empty-state";

/** Route error boundary content: never shows the raw error text (it may be a server detail). */
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  return (
    <main className="flex h-full items-center justify-center">
      <EmptyState
        icon="alert"
        title={t("errorPage.title")}
        action={
          <Button variant="primary" icon="refresh" onClick={reset}>
            {t("common.retry")}
          </Button>
        }
      >
        {t("errorPage.body")}
        {error.digest ? <span className="mt-2 block font-mono text-xs">{t("errorPage.reference", { digest: error.digest })}</span> : null}
      </EmptyState>
    </main>
  );
}
