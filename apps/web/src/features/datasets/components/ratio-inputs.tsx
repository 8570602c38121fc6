"use client";

import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { CONTROL_CLASS } from "@/components/ui/field";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import { sampleTypeLabel } from "../lib/labels";
import { allocateTypeCounts, percentsFromRatios, ratiosFromPercents, SAMPLE_TYPES, DEFAULT_RATIOS, type TRatios } from "../lib/type-counts";

/**
 * The five question-type shares in percent, each with the exact number of samples it gives for the
 * budget (the engine's largest-remainder split), and their sum, which must be 100 %.
 */
export function RatioInputs({ percents, budget, onChange, invalid }: { percents: TRatios; budget: number; onChange: (percents: TRatios) => void; invalid: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const sum = SAMPLE_TYPES.reduce((s, type) => s + (Number.isFinite(percents[type]) ? percents[type] : 0), 0);
  const counts = !invalid && Number.isInteger(budget) && budget > 0 ? allocateTypeCounts(budget, ratiosFromPercents(percents)) : null;
  return (
    <fieldset className="flex flex-col gap-1.5" data-testid="dataset-ratios" aria-describedby="dataset-ratios-sum">
      <legend className="mb-1 text-xs font-medium text-strong">{t("datasets.form.ratios")}</legend>
      <p className="text-xs text-muted">{t("datasets.form.ratiosHint")}</p>
      <div className="grid gap-x-4 gap-y-1.5 sm:grid-cols-2">
        {SAMPLE_TYPES.map((type) => (
          <label key={type} className="grid grid-cols-[1fr_5rem_4.5rem] items-center gap-2 text-[13px] text-fg">
            <span className="truncate">{sampleTypeLabel(type, t)}</span>
            <span className="flex items-center gap-1">
              <input type="number" min={0} max={100} step={5} inputMode="decimal" aria-label={t("datasets.form.ratioLabel", { type: sampleTypeLabel(type, t) })}
                value={Number.isNaN(percents[type]) ? "" : percents[type]} data-type={type}
                onChange={(event) => onChange({ ...percents, [type]: event.target.value === "" ? Number.NaN : event.target.valueAsNumber })}
                className={cx(CONTROL_CLASS, "h-7 w-16 text-right")} aria-invalid={invalid || undefined} />
              <span className="text-xs text-muted">%</span>
            </span>
            <span className="text-right text-xs text-strong tabular-nums" data-testid="dataset-type-count" data-type={type}>
              {counts ? t("datasets.form.samplesCount", { count: formatCount(counts[type], locale) }) : "—"}
            </span>
          </label>
        ))}
      </div>
      <div className="flex items-center justify-between gap-2">
        <p id="dataset-ratios-sum" className={cx("text-xs tabular-nums", invalid ? "text-danger" : "text-muted")} role={invalid ? "alert" : undefined}>
          {t(invalid ? "datasets.form.ratiosInvalid" : "datasets.form.ratiosSum", { sum: Math.round(sum * 100) / 100 })}
        </p>
        <Button size="sm" variant="ghost" onClick={() => onChange(percentsFromRatios(DEFAULT_RATIOS))}>{t("datasets.form.ratiosReset")}</Button>
      </div>
    </fieldset>
  );
}
