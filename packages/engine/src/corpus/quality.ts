// Decides whether a chunk is worth extracting knowledge from. Each rule measures one thing and
// compares it with one configurable threshold; a chunk is kept when no rule fails, and every
// failure is reported with its measured value so a curator can see (and tune) why.
import { collectChecks, type TCheck, type TQualityReasonCode } from "./quality-rules.ts";
import { DEFAULT_QUALITY_SETTINGS, type TQualitySettings } from "./quality-settings.ts";

export interface TQualityReason {
  code: TQualityReasonCode;
  detail: string;
  value: number;
  threshold: number;
}

export interface TQualityResult {
  /** 0..1; ≥ 0.5 exactly when kept. Kept chunks rank by how comfortably they pass every rule. */
  score: number;
  keep: boolean;
  /** Failed rules, most severe first (so reasons[0] is the primary reason). Empty when kept. */
  reasons: TQualityReason[];
  /** Every measurement taken, for display and threshold tuning. */
  metrics: Record<string, number>;
}

// 1 far on the good side, 0.5 at the threshold, 0 at twice (or zero times) the threshold.
function rateCheck(check: TCheck): number {
  const { value, threshold, kind } = check;
  if (kind === "max") return threshold === 0 ? (value === 0 ? 1 : 0) : Math.min(1, Math.max(0, 1 - value / (2 * threshold)));
  return threshold === 0 ? 1 : Math.min(1, Math.max(0, value / (2 * threshold)));
}

function fails(check: TCheck): boolean {
  return check.kind === "max" ? check.value > check.threshold : check.value < check.threshold;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** Pass settings parsed once with ZQualitySettings.parse: this runs for every chunk of the corpus. */
export function scoreChunk(text: string, settings: TQualitySettings = DEFAULT_QUALITY_SETTINGS): TQualityResult {
  const metrics: Record<string, number> = {};
  const checks = collectChecks(text, settings, metrics);
  const rated = checks.map((check) => ({ check, rating: rateCheck(check) }));
  const failed = rated.filter(({ check }) => fails(check)).sort((a, b) => a.rating - b.rating);
  const reasons = failed.map(({ check }) => ({ code: check.code, detail: check.detail, value: check.value, threshold: check.threshold }));
  if (failed.length > 0) return { score: round(Math.min(0.4999, failed[0]!.rating)), keep: false, reasons, metrics };
  const mean = rated.length === 0 ? 1 : rated.reduce((sum, { rating }) => sum + (rating - 0.5) / 0.5, 0) / rated.length;
  return { score: round(0.5 + 0.5 * mean), keep: true, reasons, metrics };
}
