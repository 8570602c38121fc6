// Which label a diagnosis carries at each step. The structural label comes first; the judge's label
// (when it did not abstain) is what reviewers are shown; a reviewer's relabel overrides both and a
// reject takes the diagnosis out of the patch. Cohen's kappa pairs the shown label with the
// reviewer's (accept = agrees with it) over reviewed diagnoses the judge did not abstain on.
import { cohensKappa, type TDiagnosisClass } from "@proda/engine";

export interface TLabelled {
  label: string;
  judgeLabel: string | null;
  abstained: boolean;
  review: "pending" | "accepted" | "relabelled" | "rejected";
  reviewLabel: string | null;
}

export const shownLabel = (d: TLabelled) => (d.judgeLabel ?? d.label) as TDiagnosisClass;

/** The label the patch uses; null for a rejected diagnosis. */
export function effectiveLabel(d: TLabelled): TDiagnosisClass | null {
  if (d.review === "rejected") return null;
  if (d.review === "relabelled" && d.reviewLabel) return d.reviewLabel as TDiagnosisClass;
  return shownLabel(d);
}

export function judgeCalibration(rows: readonly TLabelled[]) {
  const pairs = rows
    .filter((d) => !d.abstained && (d.review === "accepted" || (d.review === "relabelled" && d.reviewLabel)))
    .map((d) => [shownLabel(d), d.review === "accepted" ? shownLabel(d) : d.reviewLabel!] as const);
  return cohensKappa(pairs);
}

/** A Prisma filter on the effective label, mirroring effectiveLabel. */
export function whereEffectiveLabel(label: TDiagnosisClass) {
  return {
    OR: [
      { review: "relabelled" as const, reviewLabel: label },
      { review: { in: ["pending" as const, "accepted" as const] }, judgeLabel: label },
      { review: { in: ["pending" as const, "accepted" as const] }, judgeLabel: null, label },
    ],
  };
}
