"use client";

import { cx } from "@/components/ui/cx";
import { CONTROL_CLASS } from "@/components/ui/field";
import { DisciplineSelect } from "@/features/knowledge/components/discipline-select";
import { useT } from "@/i18n/i18n-provider";
import { ITEM_MODES, modeLabel, operatorLabel, PERTURB_OPERATORS, REVIEW_STATES, reviewLabel } from "../lib/labels";

export interface TItemFilterValues {
  discipline: string;
  review: string;
  operator: string;
  mode: string;
  query: string;
}

export const NO_ITEM_FILTERS: TItemFilterValues = { discipline: "", review: "", operator: "", mode: "", query: "" };

const SELECT = cx(CONTROL_CLASS, "h-7 w-40!");

/** The items table's filters: text, discipline, review state, operator and mode. */
export function ItemFilters({ values, onChange, disciplines }: { values: TItemFilterValues; onChange: (values: TItemFilterValues) => void; disciplines: string[] }) {
  const t = useT();
  const set = (key: keyof TItemFilterValues) => (value: string) => onChange({ ...values, [key]: value });
  return (
    <div role="search" aria-label={t("benchmarks.items.filters")} className="flex flex-wrap items-center gap-2">
      <input type="search" aria-label={t("benchmarks.items.search")} placeholder={t("benchmarks.items.searchPlaceholder")} value={values.query} maxLength={200}
        onChange={(event) => set("query")(event.target.value)} className={cx(CONTROL_CLASS, "h-7 w-64!")} data-testid="benchmark-item-search" />
      <DisciplineSelect disciplines={disciplines} value={values.discipline} onChange={set("discipline")} />
      <select aria-label={t("benchmarks.items.review")} value={values.review} onChange={(event) => set("review")(event.target.value)} className={SELECT} data-testid="benchmark-review-filter">
        <option value="">{t("benchmarks.items.allReview")}</option>
        {REVIEW_STATES.map((state) => <option key={state} value={state}>{reviewLabel(state, t)}</option>)}
      </select>
      <select aria-label={t("benchmarks.items.operator")} value={values.operator} onChange={(event) => set("operator")(event.target.value)} className={cx(CONTROL_CLASS, "h-7 w-52!")}>
        <option value="">{t("benchmarks.items.allOperators")}</option>
        {PERTURB_OPERATORS.map((op) => <option key={op} value={op}>{operatorLabel(op, t)}</option>)}
      </select>
      <select aria-label={t("benchmarks.items.mode")} value={values.mode} onChange={(event) => set("mode")(event.target.value)} className={SELECT}>
        <option value="">{t("benchmarks.items.allModes")}</option>
        {ITEM_MODES.map((mode) => <option key={mode} value={mode}>{modeLabel(mode, t)}</option>)}
      </select>
    </div>
  );
}
