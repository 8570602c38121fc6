"use client";

import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import { useDiagnosisRuns } from "../hooks/use-diagnosis-runs";

/** The latest diagnosis run in the explorer's pipeline list: its failures, and how many still await review (for side-bar STAGE_BADGES). */
export function DebuggerBadge({ projectId }: { projectId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const latest = useDiagnosisRuns(projectId, null).data?.[0];
  if (!latest?.counts) return null;
  return (
    <span className="text-[10px] text-muted tabular-nums" data-testid="debugger-badge">
      {latest.review.pending > 0
        ? t("debugger.badgePending", { failed: formatCount(latest.counts.failed, locale), pending: formatCount(latest.review.pending, locale) })
        : t("debugger.badge", { failed: formatCount(latest.counts.failed, locale) })}
    </span>
  );
}
