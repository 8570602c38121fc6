// The "Diagnose failures" form: the judge (builtin = structural evidence alone, or an OpenAI-compatible
// provider), how few teaching samples count as weak, and the confidence under which the judge
// abstains. Defaults and bounds repeat ZDiagnoseRequest (server-only); checked against it by
// test/debugger-ui-lib.test.ts. Pure.
import type { TProviderDto } from "@/lib/api-types";

export const DIAGNOSE_DEFAULTS = { judge: "builtin", minSamples: 2, abstainBelow: 0.5 } as const;
export const DIAGNOSE_BOUNDS = { minSamples: { min: 1, max: 1000 }, abstainBelow: { min: 0, max: 1 } } as const;

export interface TDiagnoseFormValues {
  judge: string;
  minSamples: string;
  abstainBelow: string;
}

export type TDiagnoseBody = { judge: string; minSamples: number; abstainBelow: number };

export const initialDiagnoseValues = (): TDiagnoseFormValues => ({
  judge: DIAGNOSE_DEFAULTS.judge,
  minSamples: String(DIAGNOSE_DEFAULTS.minSamples),
  abstainBelow: String(DIAGNOSE_DEFAULTS.abstainBelow),
});

export function diagnoseFormProblems(values: TDiagnoseFormValues): Set<"minSamples" | "abstainBelow"> {
  const problems = new Set<"minSamples" | "abstainBelow">();
  const min = /^\s*\d+\s*$/.test(values.minSamples) ? Number(values.minSamples) : NaN;
  if (!(min >= DIAGNOSE_BOUNDS.minSamples.min && min <= DIAGNOSE_BOUNDS.minSamples.max)) problems.add("minSamples");
  const abstain = values.abstainBelow.trim() === "" ? NaN : Number(values.abstainBelow);
  if (!(abstain >= DIAGNOSE_BOUNDS.abstainBelow.min && abstain <= DIAGNOSE_BOUNDS.abstainBelow.max)) problems.add("abstainBelow");
  return problems;
}

export function diagnoseBody(values: TDiagnoseFormValues): TDiagnoseBody | null {
  if (diagnoseFormProblems(values).size > 0) return null;
  return { judge: values.judge || "builtin", minSamples: Number(values.minSamples), abstainBelow: Number(values.abstainBelow) };
}

/** Providers that can judge: OpenAI-compatible ones (the builtin provider is the structural judge itself). */
export function judgeProviders(providers: readonly TProviderDto[]): TProviderDto[] {
  return providers.filter((p) => p.kind === "openai-compatible");
}
