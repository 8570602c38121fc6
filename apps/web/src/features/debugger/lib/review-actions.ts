// Review decisions as the PATCH body the route takes (ZReviewRequest: accept | relabel with a label |
// reject, each with an optional note), the table's single-key shortcuts, and what a decision shows
// in the table before the server answers. Pure; covered by test/debugger-ui-lib.test.ts.
import type { TDiagnosisDto, TDiagnosisLabel } from "@/lib/api-types";
import { otherLabel, shownLabel } from "./labels";

export const MAX_REVIEW_NOTE = 2000;

export type TReviewBody =
  | { action: "accept"; note?: string }
  | { action: "relabel"; label: TDiagnosisLabel; note?: string }
  | { action: "reject"; note?: string };

export type TReviewAction = TReviewBody["action"];

export function reviewBody(action: TReviewAction, diagnosis: Pick<TDiagnosisDto, "label" | "judgeLabel">, note = "", label?: TDiagnosisLabel): TReviewBody {
  const trimmed = note.trim().slice(0, MAX_REVIEW_NOTE);
  const withNote = trimmed ? { note: trimmed } : {};
  if (action === "relabel") return { action, label: label ?? otherLabel(shownLabel(diagnosis)), ...withNote };
  return { action, ...withNote };
}

/** A: accept, R: reject, L: relabel to the other class; anything else (or with a modifier) is not ours. */
export function reviewShortcut(event: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }): TReviewAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const key = event.key.toLowerCase();
  return key === "a" ? "accept" : key === "r" ? "reject" : key === "l" ? "relabel" : null;
}

const REVIEW_OF = { accept: "accepted", relabel: "relabelled", reject: "rejected" } as const;

/** The fields a decision changes, for the optimistic row. */
export function reviewPatch(body: TReviewBody): Partial<TDiagnosisDto> {
  return {
    review: REVIEW_OF[body.action],
    reviewLabel: body.action === "relabel" ? body.label : null,
    reviewNote: body.note ?? null,
  };
}
