// The contamination guard as the Builder shows it: status tones, hits counted per kind, and what a
// dataset version may do next (freeze, override). Pure; covered by test/datasets-ui-lib.test.ts.
import type { TTone } from "@/components/ui/badge";
import type { TContaminationStatus, TContaminationSummaryDto, TDatasetDto } from "@/lib/api-types";

export const HIT_KINDS = ["exact_question", "near_duplicate", "ngram_overlap"] as const;
export type THitKind = (typeof HIT_KINDS)[number];

export const CONTAMINATION_TONE: Record<TContaminationStatus, TTone> = {
  running: "info",
  passed: "success",
  blocked: "danger",
  overridden: "warning",
  failed: "danger",
};

/** The engine asks an override reason to have 10 characters at least. */
export const MIN_OVERRIDE_REASON = 10;

export function kindCounts(byKind: Record<string, number> | undefined): { kind: THitKind; count: number }[] {
  return HIT_KINDS.map((kind) => ({ kind, count: byKind?.[kind] ?? 0 }));
}

export function isChecking(report: Pick<TContaminationSummaryDto, "status"> | null | undefined): boolean {
  return report?.status === "running";
}

/** Freezing runs the guard first; it is offered on a ready (not frozen) version with no check running. */
export function canFreezeDataset(dataset: Pick<TDatasetDto, "status">, report: Pick<TContaminationSummaryDto, "status"> | null | undefined): boolean {
  return dataset.status === "ready" && !isChecking(report);
}

/** An override is only worth offering once the guard has blocked the version. */
export function needsOverride(report: Pick<TContaminationSummaryDto, "status"> | null | undefined): boolean {
  return report?.status === "blocked";
}

export function overrideReasonValid(reason: string): boolean {
  const trimmed = reason.trim();
  return trimmed.length >= MIN_OVERRIDE_REASON && trimmed.length <= 2000;
}
