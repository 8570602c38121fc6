"use client";

import { Badge } from "@/components/ui/badge";
import { useT } from "@/i18n/i18n-provider";
import type { TDiagnosisDto } from "@/lib/api-types";
import { diagnosisLabelText, effectiveLabel, LABEL_TONE, REVIEW_TONE, reviewText, shownLabel } from "../lib/labels";

/** The class a diagnosis carries now (a relabel shows "was → now"; a rejected one is struck through). */
export function ClassBadge({ diagnosis }: { diagnosis: TDiagnosisDto }) {
  const t = useT();
  const shown = shownLabel(diagnosis);
  const now = effectiveLabel(diagnosis);
  return (
    <span className="flex min-w-0 flex-wrap items-center gap-1" data-testid="debugger-class" data-label={now ?? "rejected"}>
      {diagnosis.review === "relabelled" && now && now !== shown ? (
        <>
          <span className="text-[11px] text-muted line-through">{diagnosisLabelText(shown, t)}</span>
          <Badge tone={LABEL_TONE[now]}>{diagnosisLabelText(now, t)}</Badge>
        </>
      ) : (
        <Badge tone={LABEL_TONE[shown]} className={now === null ? "line-through opacity-60" : undefined}>{diagnosisLabelText(shown, t)}</Badge>
      )}
      {diagnosis.abstained ? <Badge tone="neutral">{t("debugger.abstained")}</Badge> : null}
    </span>
  );
}

export function ReviewStateBadge({ diagnosis }: { diagnosis: Pick<TDiagnosisDto, "review"> }) {
  const t = useT();
  return (
    <Badge tone={REVIEW_TONE[diagnosis.review]}>
      <span data-testid="debugger-review-state" data-review={diagnosis.review}>{reviewText(diagnosis.review, t)}</span>
    </Badge>
  );
}
