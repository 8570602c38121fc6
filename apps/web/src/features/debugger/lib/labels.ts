// Diagnosis classes, review states and artifact types → catalogue strings and tones, and which label
// a diagnosis carries at each step (mirrors packages/pipeline/src/debugger/labels.ts: the judge's label when it
// spoke, a reviewer's relabel over both, none once rejected). Pure; covered by test/debugger-ui-lib.test.ts.
import type { TTone } from "@/components/ui/badge";
import type { TTranslate } from "@/i18n/i18n-provider";
import type { TMessageKey } from "@/i18n/translate";
import type { TDiagnosisDto, TDiagnosisLabel, TDiagnosisReview } from "@/lib/api-types";
import type { TArtifactType } from "../query-keys";

export const DIAGNOSIS_LABELS = ["concept_gap", "reasoning_deficit"] as const satisfies readonly TDiagnosisLabel[];
export const DIAGNOSIS_REVIEWS = ["pending", "accepted", "relabelled", "rejected"] as const satisfies readonly TDiagnosisReview[];
export const ARTIFACT_TYPES = ["knowledge_version", "benchmark", "dataset_version", "training_run", "model", "evaluation", "diagnosis_run", "loop"] as const satisfies readonly TArtifactType[];

export const LABEL_TONE: Record<TDiagnosisLabel, TTone> = { concept_gap: "warning", reasoning_deficit: "info" };
export const REVIEW_TONE: Record<TDiagnosisReview, TTone> = { pending: "neutral", accepted: "success", relabelled: "accent", rejected: "danger" };

type TLabelled = Pick<TDiagnosisDto, "label" | "judgeLabel" | "review" | "reviewLabel">;

/** What reviewers are shown: the judge's label when it gave one, else the structural one. */
export const shownLabel = (d: Pick<TDiagnosisDto, "label" | "judgeLabel">): TDiagnosisLabel => d.judgeLabel ?? d.label;

/** The label the patch uses; null once rejected. */
export function effectiveLabel(d: TLabelled): TDiagnosisLabel | null {
  if (d.review === "rejected") return null;
  if (d.review === "relabelled" && d.reviewLabel) return d.reviewLabel;
  return shownLabel(d);
}

/** The other class: what "Relabel" (L) switches the shown label to. */
export const otherLabel = (label: TDiagnosisLabel): TDiagnosisLabel => (label === "concept_gap" ? "reasoning_deficit" : "concept_gap");

export function diagnosisLabelText(label: string, t: TTranslate): string {
  return (DIAGNOSIS_LABELS as readonly string[]).includes(label) ? t(`debugger.label.${label}` as TMessageKey) : label;
}

export function reviewText(review: TDiagnosisReview, t: TTranslate): string {
  return t(`debugger.review.${review}` as TMessageKey);
}

export function artifactTypeText(type: string, t: TTranslate): string {
  return (ARTIFACT_TYPES as readonly string[]).includes(type) ? t(`debugger.artifact.${type}` as TMessageKey) : type;
}
