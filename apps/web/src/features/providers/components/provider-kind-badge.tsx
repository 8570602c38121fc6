"use client";

import { Badge } from "@/components/ui/badge";
import { useT } from "@/i18n/i18n-provider";
import type { TProviderKind } from "../lib/provider-input";

export function ProviderKindBadge({ kind }: { kind: TProviderKind }) {
  const t = useT();
  return kind === "builtin" ? (
    <Badge tone="success">{t("providers.kindBuiltin")}</Badge>
  ) : (
    <Badge tone="info">{t("providers.kindOpenAi")}</Badge>
  );
}
