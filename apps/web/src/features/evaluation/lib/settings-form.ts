// The evaluation launch form: the settings' defaults and bounds (repeated from the providers
// package's ZEvaluationSettings, which is server-only; test/evaluation-ui-lib.test.ts checks them
// against it), the form's checks and the request body. Pure.
import type { TModelDto } from "@/lib/api-types";

export const EVALUATION_DEFAULTS = { concurrency: 4, maxRetries: 4, temperature: 0, maxTokens: 1024, limit: null as number | null };

export const EVALUATION_BOUNDS = {
  concurrency: { min: 1, max: 32, integer: true },
  maxRetries: { min: 0, max: 10, integer: true },
  temperature: { min: 0, max: 2, integer: false },
  maxTokens: { min: 16, max: 32_768, integer: true },
  limit: { min: 1, max: 1_000_000, integer: true },
} as const;

export type TSettingName = keyof typeof EVALUATION_BOUNDS;

export interface TEvaluationFormValues {
  benchmarkId: string;
  modelId: string;
  concurrency: number;
  maxRetries: number;
  temperature: number;
  maxTokens: number;
  /** NaN (an empty box): every item. */
  limit: number;
}

export function initialEvaluationValues(benchmarkId: string, modelId: string): TEvaluationFormValues {
  return { benchmarkId, modelId, ...EVALUATION_DEFAULTS, limit: Number.NaN };
}

function inBounds(name: TSettingName, value: number): boolean {
  const bounds = EVALUATION_BOUNDS[name];
  return Number.isFinite(value) && value >= bounds.min && value <= bounds.max && (!bounds.integer || Number.isInteger(value));
}

export type TEvaluationProblem = TSettingName | "benchmark" | "model";

export function evaluationFormProblems(values: TEvaluationFormValues): TEvaluationProblem[] {
  const problems: TEvaluationProblem[] = [];
  if (!values.benchmarkId) problems.push("benchmark");
  if (!values.modelId) problems.push("model");
  for (const name of ["concurrency", "maxRetries", "temperature", "maxTokens"] as const) if (!inBounds(name, values[name])) problems.push(name);
  if (!Number.isNaN(values.limit) && !inBounds("limit", values.limit)) problems.push("limit");
  return problems;
}

export function evaluationBody(values: TEvaluationFormValues) {
  return {
    benchmarkId: values.benchmarkId,
    modelId: values.modelId,
    settings: {
      concurrency: values.concurrency,
      maxRetries: values.maxRetries,
      temperature: values.temperature,
      maxTokens: values.maxTokens,
      limit: Number.isNaN(values.limit) ? null : values.limit,
    },
  };
}

/** A model can be asked when it is the builtin student or has an endpoint (the server checks the same). */
export function isAskable(model: Pick<TModelDto, "backend" | "providerId">): boolean {
  return model.backend === "builtin-student" || model.providerId !== null;
}
