"use client";

import { formatPercent } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import { useEvaluations } from "../hooks/use-evaluations";

/** The latest evaluation in the explorer's pipeline list (its accuracy once scored), for side-bar STAGE_BADGES. */
export function EvaluationBadge({ projectId }: { projectId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const latest = useEvaluations(projectId, null).data?.[0];
  if (!latest) return null;
  return (
    <span className="text-[10px] text-muted tabular-nums">
      {latest.summary ? t("evaluation.badgeScored", { number: latest.number, accuracy: formatPercent(latest.summary.total.accuracy, locale) }) : t("evaluation.badge", { number: latest.number })}
    </span>
  );
}
