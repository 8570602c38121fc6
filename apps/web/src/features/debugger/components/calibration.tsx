"use client";

import { Badge } from "@/components/ui/badge";
import { formatCount, formatPercent } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TMessageKey } from "@/i18n/translate";
import type { TDiagnosisRunDto } from "@/lib/api-types";
import { formatCoefficient, KAPPA_TONE, kappaBand } from "../lib/calibration";

/** The judge's calibration: Cohen's κ between its labels and the reviewers', with raw agreement and what κ means. */
export function Calibration({ review }: { review: TDiagnosisRunDto["review"] }) {
  const t = useT();
  const { locale } = useLocale();
  const band = kappaBand(review.kappa);
  return (
    <section className="flex flex-col gap-1.5 rounded-md border border-line p-3" data-testid="debugger-calibration" aria-labelledby="debugger-calibration-title">
      <h4 id="debugger-calibration-title" className="text-xs font-semibold text-strong uppercase">{t("debugger.kappa.title")}</h4>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="text-2xl font-semibold text-strong tabular-nums" data-testid="debugger-kappa">κ = {formatCoefficient(review.kappa)}</span>
        <Badge tone={KAPPA_TONE[band]}>{t(`debugger.kappa.band.${band}` as TMessageKey)}</Badge>
      </div>
      <p className="text-xs text-muted">
        {review.pairs > 0
          ? t("debugger.kappa.agreement", { agreement: formatPercent(review.agreement, locale), pairs: formatCount(review.pairs, locale) })
          : t("debugger.kappa.noPairs")}
      </p>
      <p className="text-xs text-muted">{t("debugger.kappa.explain")}</p>
    </section>
  );
}
