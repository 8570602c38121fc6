// The failures table's filters and the query they become (the route's names: label, discipline,
// operator, review — see server/debugger/list-diagnoses.ts ZDiagnosisQuery). Pure; covered by
// test/debugger-ui-lib.test.ts against that schema.
import type { TDiagnosisLabel, TDiagnosisReview } from "@/lib/api-types";
import type { TDiagnosisFilters } from "../query-keys";

export interface TDiagnosisFilterValues {
  label: "" | TDiagnosisLabel;
  discipline: string;
  operator: string;
  review: "" | TDiagnosisReview;
}

export const NO_DIAGNOSIS_FILTERS: TDiagnosisFilterValues = { label: "", discipline: "", operator: "", review: "" };

/** Only the filters that are set (a stable query key: unset ones are absent, not empty). */
export function activeDiagnosisFilters(values: TDiagnosisFilterValues): TDiagnosisFilters {
  const out: TDiagnosisFilters = {};
  if (values.label) out.label = values.label;
  if (values.discipline) out.discipline = values.discipline;
  if (values.operator) out.operator = values.operator;
  if (values.review) out.review = values.review;
  return out;
}

export function diagnosesQuery(filters: TDiagnosisFilters, cursor: string | null, limit: number): URLSearchParams {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set("cursor", cursor);
  for (const key of ["label", "discipline", "operator", "review"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}
