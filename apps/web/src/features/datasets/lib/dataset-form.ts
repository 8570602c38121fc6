// The create form's values → the POST /datasets body, and what the form refuses before sending.
// Bounds mirror the engine's ZRecipe. Pure; covered by test/datasets-ui-lib.test.ts.
import { ratiosFromPercents, ratiosValid, type TRatios } from "./type-counts";

export interface TDatasetFormValues {
  knowledgeVersionId: string;
  name: string;
  budget: number;
  seed: number;
  /** Per type, in percent (0–100); they must sum to 100. */
  percents: TRatios;
  windowSize: number;
  /** Share of true statements among true/false samples, in percent. */
  truePercent: number;
}

export const DEFAULT_BUDGET = 200;
export const MAX_BUDGET = 2_000_000;
export const DEFAULT_WINDOW = 8;
/** The API keeps seeds in a 32-bit column. */
export const MAX_SEED = 2_147_483_647;

export type TDatasetFormProblem = "budget" | "seed" | "ratios" | "windowSize" | "trueShare" | "version";

export function datasetFormProblems(values: TDatasetFormValues): TDatasetFormProblem[] {
  const problems: TDatasetFormProblem[] = [];
  const int = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;
  if (!values.knowledgeVersionId) problems.push("version");
  if (!int(values.budget, 1, MAX_BUDGET)) problems.push("budget");
  if (!int(values.seed, 0, MAX_SEED)) problems.push("seed");
  if (!ratiosValid(ratiosFromPercents(values.percents))) problems.push("ratios");
  if (!int(values.windowSize, 1, 1000)) problems.push("windowSize");
  if (!(Number.isFinite(values.truePercent) && values.truePercent >= 0 && values.truePercent <= 100)) problems.push("trueShare");
  return problems;
}

export interface TCreateDatasetBody {
  knowledgeVersionId: string;
  name?: string;
  ratios: TRatios;
  budget: number;
  seed: number;
  windowSize: number;
  trueShare: number;
}

export function createDatasetBody(values: TDatasetFormValues): TCreateDatasetBody {
  const name = values.name.trim();
  return {
    knowledgeVersionId: values.knowledgeVersionId,
    ...(name ? { name } : {}),
    ratios: ratiosFromPercents(values.percents),
    budget: values.budget,
    seed: values.seed,
    windowSize: values.windowSize,
    trueShare: Math.round(values.truePercent * 1e4) / 1e6,
  };
}
