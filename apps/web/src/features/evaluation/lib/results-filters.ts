// The results table's filters and the query they become (the route's names: outcome, discipline,
// operator, level). Pure; covered by test/evaluation-ui-lib.test.ts.
import type { TResultFilters } from "../query-keys";

export const OUTCOMES = ["pass", "fail", "error"] as const;
export const LEVELS = ["1", "2", "3", "4", "5"] as const;

export interface TResultFilterValues {
  outcome: "" | (typeof OUTCOMES)[number];
  discipline: string;
  operator: string;
  level: string;
}

export const NO_RESULT_FILTERS: TResultFilterValues = { outcome: "", discipline: "", operator: "", level: "" };

/** Only the filters that are set (a stable query key: unset ones are absent, not empty). */
export function activeFilters(values: TResultFilterValues): TResultFilters {
  const out: TResultFilters = {};
  if (values.outcome) out.outcome = values.outcome;
  if (values.discipline) out.discipline = values.discipline;
  if (values.operator) out.operator = values.operator;
  if (values.level) out.level = values.level;
  return out;
}

export function resultsQuery(filters: TResultFilters, cursor: string | null, limit: number): URLSearchParams {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set("cursor", cursor);
  for (const key of ["outcome", "discipline", "operator", "level"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}
