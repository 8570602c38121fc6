"use client";

import { cx } from "@/components/ui/cx";
import { formatCount, formatPercent } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TCompareDto } from "@/lib/api-types";
import { formatPointChange } from "../lib/calibration";

/** Overall accuracy of each arm with its change from the baseline, the item outcomes, and the verdict: does targeted repair beat more data? */
export function CompareFigures({ compare }: { compare: TCompareDto }) {
  const t = useT();
  const { locale } = useLocale();
  const acc = (e: TCompareDto["baseline"] | null) => e?.summary?.total.accuracy ?? null;
  const base = acc(compare.baseline);
  const arms: [string, string, number | null][] = [
    ["baseline", t("debugger.compare.baseline"), base],
    ["candidate", t("debugger.compare.candidate"), acc(compare.candidate)],
    ...(compare.control ? [["control", t("debugger.compare.control"), acc(compare.control)] as [string, string, number | null]] : []),
  ];
  const counts: [keyof TCompareDto["items"], string, string][] = [
    ["fixed", t("debugger.outcome.fixed"), "text-success"],
    ["regressed", t("debugger.outcome.regressed"), "text-danger"],
    ["stillFailing", t("debugger.outcome.still_failing"), "text-warning"],
    ["stillPassing", t("debugger.outcome.passing"), "text-strong"],
  ];
  const candidate = acc(compare.candidate);
  const control = acc(compare.control);
  const verdict = candidate === null || control === null ? null : candidate > control ? "beats" : candidate === control ? "ties" : "loses";
  return (
    <div className="flex flex-col gap-2" data-testid="debugger-compare-figures">
      <dl className="flex flex-wrap gap-x-8 gap-y-2">
        {arms.map(([id, label, value]) => (
          <div key={id} data-arm={id}>
            <dt className="text-[11px] text-muted uppercase">{label}</dt>
            <dd className="text-lg font-semibold text-strong tabular-nums" data-testid={`debugger-compare-${id}`}>
              {value === null ? "—" : formatPercent(value, locale)}
              {id !== "baseline" && value !== null && base !== null ? <span className="ml-1.5 text-xs font-normal text-muted">{t("debugger.points", { value: formatPointChange(base, value) })}</span> : null}
            </dd>
          </div>
        ))}
        {counts.map(([key, label, tone]) => (
          <div key={key}>
            <dt className="text-[11px] text-muted uppercase">{label}</dt>
            <dd className={cx("text-lg font-semibold tabular-nums", tone)} data-testid={`debugger-compare-${key}`}>{formatCount(compare.items[key], locale)}</dd>
          </div>
        ))}
      </dl>
      {verdict ? (
        <p className={cx("text-[13px]", verdict === "beats" ? "text-success" : "text-warning")} data-testid="debugger-compare-verdict" data-verdict={verdict}>
          {t(`debugger.compare.verdict.${verdict}`, { points: formatPointChange(control!, candidate!) })}
        </p>
      ) : null}
    </div>
  );
}
