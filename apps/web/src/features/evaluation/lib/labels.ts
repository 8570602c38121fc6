// Answer-reading methods, model kinds and compare outcomes → catalogue strings; unknown values as written.
import type { TTranslate } from "@/i18n/i18n-provider";
import type { TMessageKey } from "@/i18n/translate";
import type { TModelDto } from "@/lib/api-types";
import type { TCompareOutcome } from "./compare";

export const ANSWER_METHODS = ["label", "final_line", "bare", "option_text", "none", "error"] as const;

export function methodLabel(method: string, t: TTranslate): string {
  return (ANSWER_METHODS as readonly string[]).includes(method) ? t(`evaluation.method.${method}` as TMessageKey) : method;
}

export function modelKindLabel(kind: TModelDto["kind"], t: TTranslate): string {
  return t(`models.kind.${kind}` as TMessageKey);
}

export function outcomeLabel(outcome: TCompareOutcome, t: TTranslate): string {
  return t(`evaluation.compare.outcome.${outcome}` as TMessageKey);
}

/** "Model name (#3)": evaluations of one model are told apart by their number. */
export function evaluationName(evaluation: { number: number; model: { name: string } }): string {
  return `${evaluation.model.name} (#${evaluation.number})`;
}
