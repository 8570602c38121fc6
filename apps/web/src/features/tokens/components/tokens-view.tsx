"use client";

import { ViewFrame } from "@/features/workbench/components/view-frame";
import { useT } from "@/i18n/i18n-provider";
import { TokensManager } from "./tokens-manager";

export function TokensView() {
  const t = useT();
  return (
    <ViewFrame icon="key" title={t("views.tokens")} description={t("tokens.description")}>
      <TokensManager />
    </ViewFrame>
  );
}
