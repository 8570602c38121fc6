// Operators, modes, review states and statuses → catalogue strings; unknown values as written.
// The operator list mirrors the engine's PERTURB_OPERATORS (checked by test/benchmarks-ui-lib.test.ts).
import type { TTranslate } from "@/i18n/i18n-provider";
import type { TMessageKey } from "@/i18n/translate";
import type { TArtifactStatus, TReviewState } from "@/lib/api-types";

export const PERTURB_OPERATORS = [
  "swap_subject_object",
  "invert_relation",
  "substitute_sibling",
  "break_step_order",
  "drop_precondition",
  "negate_constraint",
] as const;

export const REVIEW_STATES = ["pending", "accepted", "edited", "rejected"] as const satisfies readonly TReviewState[];
export const ITEM_MODES = ["single", "multi"] as const;

export function operatorLabel(operator: string, t: TTranslate): string {
  return (PERTURB_OPERATORS as readonly string[]).includes(operator) ? t(`benchmarks.operator.${operator}` as TMessageKey) : operator;
}

export function artifactStatusLabel(status: TArtifactStatus, t: TTranslate): string {
  return t(`benchmarks.status.${status}` as TMessageKey);
}

export function reviewLabel(review: TReviewState, t: TTranslate): string {
  return t(`benchmarks.review.${review}` as TMessageKey);
}

export function modeLabel(mode: string, t: TTranslate): string {
  return mode === "single" || mode === "multi" || mode === "mixed" ? t(`benchmarks.mode.${mode}` as TMessageKey) : mode;
}
