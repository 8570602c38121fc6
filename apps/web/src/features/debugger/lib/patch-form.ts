// The patch planner's form: budget, replay ratio (a percent in the form, a share on the wire), seed
// and the random control. Defaults and bounds repeat ZPatchOptions / ZPatchRequest (server-only);
// test/debugger-ui-lib.test.ts checks them against those schemas. Pure.
import type { TPatchOptionsBody } from "../query-keys";

export const PATCH_DEFAULTS = { budget: 1000, replayRatio: 0.65, seed: 0, control: true } as const;
export const PATCH_BOUNDS = { budget: { min: 1, max: 200_000 }, seed: { min: 0, max: 2_147_483_647 } } as const;

export interface TPatchFormValues {
  budget: string;
  /** 0–100. */
  replayPercent: string;
  seed: string;
  control: boolean;
}

export type TPatchProblem = "budget" | "replayPercent" | "seed";

export const initialPatchValues = (): TPatchFormValues => ({
  budget: String(PATCH_DEFAULTS.budget),
  replayPercent: String(Math.round(PATCH_DEFAULTS.replayRatio * 100)),
  seed: String(PATCH_DEFAULTS.seed),
  control: PATCH_DEFAULTS.control,
});

const integer = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

export function patchFormProblems(values: TPatchFormValues): Set<TPatchProblem> {
  const problems = new Set<TPatchProblem>();
  const budget = integer(values.budget);
  if (budget === null || budget < PATCH_BOUNDS.budget.min || budget > PATCH_BOUNDS.budget.max) problems.add("budget");
  const replay = values.replayPercent.trim() === "" ? NaN : Number(values.replayPercent);
  if (!Number.isFinite(replay) || replay < 0 || replay > 100) problems.add("replayPercent");
  const seed = integer(values.seed);
  if (seed === null || seed > PATCH_BOUNDS.seed.max) problems.add("seed");
  return problems;
}

/** The estimate's body, or null while a field is invalid (no request is made for it). */
export function estimateBody(values: TPatchFormValues): TPatchOptionsBody | null {
  if (patchFormProblems(values).size > 0) return null;
  // Four decimals: 65 % → 0.65 exactly, and a typed 33.33 % stays what was typed.
  return { budget: Number(values.budget), replayRatio: Math.round(Number(values.replayPercent) * 100) / 10_000, seed: Number(values.seed) };
}

export function patchBody(values: TPatchFormValues): (TPatchOptionsBody & { control: boolean }) | null {
  const options = estimateBody(values);
  return options ? { ...options, control: values.control } : null;
}
