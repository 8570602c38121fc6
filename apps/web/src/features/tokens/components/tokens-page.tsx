"use client";

import { AppHeader } from "@/components/app-header";
import { Icon } from "@/components/icons";
import { AuthGate } from "@/features/auth/components/auth-gate";
import { useT } from "@/i18n/i18n-provider";
import { TokensManager } from "./tokens-manager";

/** /settings/tokens: the same manager outside any project. */
export function TokensPage() {
  const t = useT();
  return (
    <div className="flex h-full flex-col">
      <AppHeader />
      <AuthGate>
        <main className="mx-auto w-full max-w-5xl flex-1 overflow-y-auto px-6 py-8">
          <div className="mb-6 flex items-start gap-3">
            <Icon name="key" size={22} className="mt-1 text-link" />
            <div>
              <h1 className="text-xl font-semibold text-strong">{t("views.tokens")}</h1>
              <p className="mt-1 text-[13px] text-muted">{t("tokens.description")}</p>
            </div>
          </div>
          <TokensManager />
        </main>
      </AuthGate>
    </div>
  );
}
