// Whether a training run may start after the guard ran. A failed check blocks the run; only an
// override with a written reason lets it through, and the decision carries that reason so the
// caller records it with the run (DESIGN invariant 4).
import { z } from "zod";
import type { TContaminationHitKind, TContaminationReport } from "./check-contamination.ts";

export const ZContaminationOverride = z.object({
  reason: z.string().trim().min(10, "Explain why the contaminated data may be used (10 characters at least)").max(2000),
  /** Who decided (user id), for the audit log. */
  by: z.string().trim().min(1),
});
export type TContaminationOverride = z.infer<typeof ZContaminationOverride>;

export interface TTrainingGate {
  allowed: boolean;
  /** "clean": no hit; "overridden": hits, let through with a reason; "blocked": hits, no override. */
  status: "clean" | "overridden" | "blocked";
  hitCount: number;
  byKind: Record<TContaminationHitKind, number>;
  override: TContaminationOverride | null;
}

export function resolveTrainingGate(report: TContaminationReport, override?: unknown): TTrainingGate {
  const base = { hitCount: report.hits.length, byKind: report.counts.byKind };
  if (report.passed) return { ...base, allowed: true, status: "clean", override: null };
  if (override === undefined || override === null) return { ...base, allowed: false, status: "blocked", override: null };
  const parsed = ZContaminationOverride.parse(override);
  return { ...base, allowed: true, status: "overridden", override: parsed };
}
