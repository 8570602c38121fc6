"use client";

import { cx } from "@/components/ui/cx";
import { CONTROL_CLASS } from "@/components/ui/field";
import { operatorLabel, PERTURB_OPERATORS } from "@/features/benchmarks/lib/labels";
import { DisciplineSelect } from "@/features/knowledge/components/discipline-select";
import { useT } from "@/i18n/i18n-provider";
import { LEVELS, OUTCOMES, type TResultFilterValues } from "../lib/results-filters";

const SELECT = cx(CONTROL_CLASS, "h-7 w-40!");

/** The results table's filters: pass / fail / error, discipline, distractor operator, level. */
export function ResultFilters({ values, onChange, disciplines }: { values: TResultFilterValues; onChange: (values: TResultFilterValues) => void; disciplines: string[] }) {
  const t = useT();
  const set = <K extends keyof TResultFilterValues>(key: K) => (value: TResultFilterValues[K]) => onChange({ ...values, [key]: value });
  return (
    <div role="search" aria-label={t("evaluation.results.filters")} className="flex flex-wrap items-center gap-2">
      <select aria-label={t("evaluation.results.outcome")} value={values.outcome} onChange={(event) => set("outcome")(event.target.value as TResultFilterValues["outcome"])} className={SELECT} data-testid="evaluation-outcome-filter">
        <option value="">{t("evaluation.results.allOutcomes")}</option>
        {OUTCOMES.map((o) => <option key={o} value={o}>{t(`evaluation.outcome.${o}`)}</option>)}
      </select>
      <DisciplineSelect disciplines={disciplines} value={values.discipline} onChange={set("discipline")} />
      <select aria-label={t("benchmarks.items.operator")} value={values.operator} onChange={(event) => set("operator")(event.target.value)} className={cx(CONTROL_CLASS, "h-7 w-52!")}>
        <option value="">{t("benchmarks.items.allOperators")}</option>
        {PERTURB_OPERATORS.map((op) => <option key={op} value={op}>{operatorLabel(op, t)}</option>)}
      </select>
      <select aria-label={t("evaluation.results.level")} value={values.level} onChange={(event) => set("level")(event.target.value)} className={SELECT}>
        <option value="">{t("evaluation.results.allLevels")}</option>
        {LEVELS.map((l) => <option key={l} value={l}>{t("evaluation.summary.level", { level: l })}</option>)}
      </select>
    </div>
  );
}
