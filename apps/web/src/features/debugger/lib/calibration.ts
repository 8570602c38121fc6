// Reading the judge's calibration (Cohen's κ) and the external alignment (Spearman's ρ): bands with
// the usual words (Landis & Koch for κ) and signed two-decimal figures that read the same in every
// locale. Pure; covered by test/debugger-ui-lib.test.ts.
import type { TTone } from "@/components/ui/badge";

export type TKappaBand = "none" | "poor" | "slight" | "fair" | "moderate" | "substantial" | "almost_perfect";
export type TRhoBand = "none" | "negative" | "weak" | "moderate" | "strong";

/** Landis & Koch (1977): below 0 poor, to .20 slight, .40 fair, .60 moderate, .80 substantial, above almost perfect. */
export function kappaBand(kappa: number | null): TKappaBand {
  if (kappa === null || !Number.isFinite(kappa)) return "none";
  if (kappa < 0) return "poor";
  if (kappa <= 0.2) return "slight";
  if (kappa <= 0.4) return "fair";
  if (kappa <= 0.6) return "moderate";
  if (kappa <= 0.8) return "substantial";
  return "almost_perfect";
}

export const KAPPA_TONE: Record<TKappaBand, TTone> = {
  none: "neutral", poor: "danger", slight: "danger", fair: "warning", moderate: "warning", substantial: "success", almost_perfect: "success",
};

/** |ρ| under .4 weak, under .7 moderate, else strong; a negative ρ ranks models the other way round. */
export function rhoBand(rho: number | null): TRhoBand {
  if (rho === null || !Number.isFinite(rho)) return "none";
  if (rho < 0) return "negative";
  if (rho < 0.4) return "weak";
  if (rho < 0.7) return "moderate";
  return "strong";
}

export const RHO_TONE: Record<TRhoBand, TTone> = { none: "neutral", negative: "danger", weak: "warning", moderate: "info", strong: "success" };

/** "0.62", "−0.15" (a true minus sign), "—" when there is nothing to measure. */
export function formatCoefficient(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "—";
  const rounded = Math.round(value * 100) / 100;
  const text = Math.abs(rounded).toFixed(2);
  return rounded < 0 ? `\u2212${text}` : text;
}

/** "+12.5", "−3", "±0": the change between two accuracies in percentage points (the unit comes from the catalogue). */
export function formatPointChange(before: number, after: number): string {
  const points = Math.round((after - before) * 1000) / 10;
  if (points === 0) return "±0";
  return `${points > 0 ? "+" : "\u2212"}${Math.abs(points)}`;
}
