// One result beside its item: which options the model chose, which are gold, and the operator of
// each distractor it fell for. Answers are canonical ("A,C"); anything else is read letter by letter.
// Pure; covered by test/evaluation-ui-lib.test.ts.
import type { TBenchmarkItemDto } from "@/lib/api-types";

export function answerLabels(answer: string | null | undefined): string[] {
  if (!answer) return [];
  return [...new Set(answer.toUpperCase().match(/[A-Z]/g) ?? [])].sort();
}

export interface TOptionVerdict {
  label: string;
  text: string;
  gold: boolean;
  chosen: boolean;
  /** The distractor's operator (null for a correct option). */
  operator: string | null;
  changed: string | null;
}

export function optionVerdicts(item: Pick<TBenchmarkItemDto, "options" | "answer">, parsed: string | null): TOptionVerdict[] {
  const gold = new Set(answerLabels(item.answer));
  const chosen = new Set(answerLabels(parsed));
  return item.options.map((o) => ({
    label: o.label,
    text: o.text,
    gold: o.correct || gold.has(o.label.toUpperCase()),
    chosen: chosen.has(o.label.toUpperCase()),
    operator: o.distractor?.operator ?? null,
    changed: o.distractor?.changed ?? null,
  }));
}

/** The operators of the wrong options the model chose, in option order. */
export function chosenOperators(verdicts: readonly TOptionVerdict[]): string[] {
  return verdicts.filter((v) => v.chosen && !v.gold && v.operator).map((v) => v.operator!);
}
