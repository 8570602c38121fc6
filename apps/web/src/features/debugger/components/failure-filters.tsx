"use client";

import { cx } from "@/components/ui/cx";
import { CONTROL_CLASS } from "@/components/ui/field";
import { operatorLabel } from "@/features/benchmarks/lib/labels";
import { DisciplineSelect } from "@/features/knowledge/components/discipline-select";
import { useT } from "@/i18n/i18n-provider";
import type { TDiagnosisFilterValues } from "../lib/diagnosis-filters";
import { DIAGNOSIS_LABELS, DIAGNOSIS_REVIEWS, diagnosisLabelText, reviewText } from "../lib/labels";

const SELECT = cx(CONTROL_CLASS, "h-7 w-44!");

/** The failures table's filters: class (as the patch would use it), discipline, operator that fooled the model, review state. */
export function FailureFilters({ values, onChange, disciplines, operators }: { values: TDiagnosisFilterValues; onChange: (values: TDiagnosisFilterValues) => void; disciplines: string[]; operators: string[] }) {
  const t = useT();
  const set = <K extends keyof TDiagnosisFilterValues>(key: K) => (value: TDiagnosisFilterValues[K]) => onChange({ ...values, [key]: value });
  return (
    <div role="search" aria-label={t("debugger.failures.filters")} className="flex flex-wrap items-center gap-2">
      <select aria-label={t("debugger.failures.class")} value={values.label} onChange={(event) => set("label")(event.target.value as TDiagnosisFilterValues["label"])} className={SELECT} data-testid="debugger-class-filter">
        <option value="">{t("debugger.failures.allClasses")}</option>
        {DIAGNOSIS_LABELS.map((l) => <option key={l} value={l}>{diagnosisLabelText(l, t)}</option>)}
      </select>
      <DisciplineSelect disciplines={disciplines} value={values.discipline} onChange={set("discipline")} />
      <select aria-label={t("debugger.failures.operator")} value={values.operator} onChange={(event) => set("operator")(event.target.value)} className={cx(CONTROL_CLASS, "h-7 w-52!")} data-testid="debugger-operator-filter">
        <option value="">{t("benchmarks.items.allOperators")}</option>
        {operators.map((op) => <option key={op} value={op}>{operatorLabel(op, t)}</option>)}
      </select>
      <select aria-label={t("debugger.failures.review")} value={values.review} onChange={(event) => set("review")(event.target.value as TDiagnosisFilterValues["review"])} className={SELECT} data-testid="debugger-review-filter">
        <option value="">{t("debugger.failures.allReviews")}</option>
        {DIAGNOSIS_REVIEWS.map((r) => <option key={r} value={r}>{reviewText(r, t)}</option>)}
      </select>
    </div>
  );
}
