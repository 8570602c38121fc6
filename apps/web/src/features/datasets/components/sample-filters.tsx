"use client";

import { cx } from "@/components/ui/cx";
import { CONTROL_CLASS } from "@/components/ui/field";
import { DisciplineSelect } from "@/features/knowledge/components/discipline-select";
import { useT } from "@/i18n/i18n-provider";
import { sampleTypeLabel } from "../lib/labels";
import { SAMPLE_TYPES } from "../lib/type-counts";

export interface TSampleFilterValues {
  type: string;
  discipline: string;
  query: string;
}

export const NO_SAMPLE_FILTERS: TSampleFilterValues = { type: "", discipline: "", query: "" };

/** The samples table's filters: text, sample type and discipline. */
export function SampleFilters({ values, onChange, disciplines }: { values: TSampleFilterValues; onChange: (values: TSampleFilterValues) => void; disciplines: string[] }) {
  const t = useT();
  return (
    <div role="search" aria-label={t("datasets.samples.filters")} className="flex flex-wrap items-center gap-2">
      <input type="search" aria-label={t("datasets.samples.search")} placeholder={t("datasets.samples.searchPlaceholder")} value={values.query} maxLength={200}
        onChange={(event) => onChange({ ...values, query: event.target.value })} className={cx(CONTROL_CLASS, "h-7 w-64!")} data-testid="dataset-sample-search" />
      <select aria-label={t("datasets.samples.type")} value={values.type} onChange={(event) => onChange({ ...values, type: event.target.value })} className={cx(CONTROL_CLASS, "h-7 w-48!")}>
        <option value="">{t("datasets.samples.allTypes")}</option>
        {SAMPLE_TYPES.map((type) => <option key={type} value={type}>{sampleTypeLabel(type, t)}</option>)}
      </select>
      <DisciplineSelect disciplines={disciplines} value={values.discipline} onChange={(discipline) => onChange({ ...values, discipline })} />
    </div>
  );
}
