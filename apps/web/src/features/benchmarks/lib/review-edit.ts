// An expert's edit of an item: what the PATCH sends (only what changed, plus the note), and why a
// draft cannot be saved. Labels and correctness are never edited here, so the answer key stays
// what the generator verified. Pure; covered by test/benchmarks-ui-lib.test.ts.
import type { TBenchmarkItemDto } from "@/lib/api-types";

export type TReviewAction = "accept" | "reject" | "edit";

export interface TReviewBody {
  action: TReviewAction;
  question?: string;
  options?: { label: string; text: string }[];
  note?: string;
}

export interface TItemDraft {
  question: string;
  options: { label: string; text: string }[];
  note: string;
}

export const MAX_QUESTION = 2000;
export const MAX_OPTION = 1000;
export const MAX_NOTE = 2000;

export function draftOf(item: Pick<TBenchmarkItemDto, "question" | "options" | "reviewNote">): TItemDraft {
  return { question: item.question, options: item.options.map((o) => ({ label: o.label, text: o.text })), note: item.reviewNote ?? "" };
}

export type TDraftProblem = "emptyQuestion" | "emptyOption" | "duplicateOption" | "tooLong" | "unbalanced" | "unchanged";

/** Longest ÷ shortest option (characters), as the engine's measureLengthRatio: the server refuses an edit over the benchmark's bound. */
export function lengthRatio(texts: readonly string[]): number {
  const lengths = texts.map((t) => t.length);
  const shortest = Math.min(...lengths);
  return shortest === 0 ? Number.POSITIVE_INFINITY : Math.max(...lengths) / shortest;
}

/** Why the draft cannot be saved, or null. `maxLengthRatio` is the benchmark's parity bound. */
export function draftProblem(item: Pick<TBenchmarkItemDto, "question" | "options" | "reviewNote">, draft: TItemDraft, maxLengthRatio = Number.POSITIVE_INFINITY): TDraftProblem | null {
  const question = draft.question.trim();
  if (!question) return "emptyQuestion";
  const texts = draft.options.map((o) => o.text.trim());
  if (texts.some((t) => !t)) return "emptyOption";
  if (new Set(texts.map((t) => t.toLowerCase())).size !== texts.length) return "duplicateOption";
  if (question.length > MAX_QUESTION || texts.some((t) => t.length > MAX_OPTION) || draft.note.length > MAX_NOTE) return "tooLong";
  if (lengthRatio(texts) > maxLengthRatio + 1e-9) return "unbalanced";
  const body = editBody(item, draft);
  // An edit must change the wording: a note alone is given with accept or reject.
  if (body.question === undefined && body.options === undefined) return "unchanged";
  return null;
}

/** The PATCH body of an edit: the question and options only when changed, the note when given. */
export function editBody(item: Pick<TBenchmarkItemDto, "question" | "options" | "reviewNote">, draft: TItemDraft): TReviewBody {
  const body: TReviewBody = { action: "edit" };
  const question = draft.question.trim();
  if (question !== item.question) body.question = question;
  const options = draft.options.map((o) => ({ label: o.label, text: o.text.trim() }));
  if (options.some((o, i) => o.text !== item.options[i]?.text)) body.options = options;
  const note = draft.note.trim();
  if (note && note !== (item.reviewNote ?? "")) body.note = note;
  return body;
}

/** Accept or reject, with the note when one is written. */
export function decisionBody(action: "accept" | "reject", note: string): TReviewBody {
  const trimmed = note.trim();
  return trimmed ? { action, note: trimmed } : { action };
}
