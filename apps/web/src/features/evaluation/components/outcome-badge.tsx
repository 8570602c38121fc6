"use client";

import { Icon } from "@/components/icons";
import { Badge } from "@/components/ui/badge";
import { useT } from "@/i18n/i18n-provider";

/** Pass / fail / error, with an icon so colour is not the only signal. */
export function OutcomeBadge({ correct, error }: { correct: boolean; error: string | null }) {
  const t = useT();
  const outcome = error ? "error" : correct ? "pass" : "fail";
  return (
    <Badge tone={outcome === "pass" ? "success" : outcome === "fail" ? "danger" : "warning"}>
      <Icon name={outcome === "pass" ? "check" : outcome === "fail" ? "close" : "alert"} size={11} />
      <span data-testid="evaluation-outcome" data-outcome={outcome}>{t(`evaluation.outcome.${outcome}`)}</span>
    </Badge>
  );
}
