// The "Run loop" form → POST /loops { settings } (ZLoopSettings in @proda/pipeline): reuse the latest
// ready knowledge version (or one chosen, or extract anew), V1's budget (empty: the server sizes it
// from the knowledge version) and seed, the patch's budget, replay ratio and seed, and the trainer
// backend. Stages not named here take the server's defaults. Pure; covered by
// test/debugger-ui-lib.test.ts against that schema.
import { PATCH_BOUNDS, PATCH_DEFAULTS } from "./patch-form";

export const LOOP_DEFAULTS = { v1Seed: 0, backend: "builtin-student" } as const;
/** The trainers a loop can run: their models can be evaluated without serving them first. */
export const LOOP_BACKENDS = ["builtin-student", "openai"] as const;

export interface TLoopFormValues {
  /** "" = the latest ready version when reusing. */
  knowledgeVersionId: string;
  reuseKnowledge: boolean;
  /** "" = sized by the server. */
  v1Budget: string;
  v1Seed: string;
  patchBudget: string;
  /** 0–100. */
  replayPercent: string;
  patchSeed: string;
  backend: string;
}

export type TLoopProblem = "v1Budget" | "v1Seed" | "patchBudget" | "replayPercent" | "patchSeed";

export interface TLoopBody {
  settings: {
    knowledgeVersionId?: string;
    reuseKnowledge: boolean;
    v1: { budget?: number; seed: number };
    patch: { budget: number; replayRatio: number; seed: number };
    backend: string;
  };
}

export const initialLoopValues = (): TLoopFormValues => ({
  knowledgeVersionId: "",
  reuseKnowledge: true,
  v1Budget: "",
  v1Seed: String(LOOP_DEFAULTS.v1Seed),
  patchBudget: String(PATCH_DEFAULTS.budget),
  replayPercent: String(Math.round(PATCH_DEFAULTS.replayRatio * 100)),
  patchSeed: String(PATCH_DEFAULTS.seed),
  backend: LOOP_DEFAULTS.backend,
});

const int = (text: string, min: number, max: number): number | null => {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
};

export function loopFormProblems(values: TLoopFormValues): Set<TLoopProblem> {
  const problems = new Set<TLoopProblem>();
  if (values.v1Budget.trim() !== "" && int(values.v1Budget, 1, 2_000_000) === null) problems.add("v1Budget");
  if (int(values.v1Seed, 0, PATCH_BOUNDS.seed.max) === null) problems.add("v1Seed");
  if (int(values.patchBudget, PATCH_BOUNDS.budget.min, PATCH_BOUNDS.budget.max) === null) problems.add("patchBudget");
  const replay = values.replayPercent.trim() === "" ? NaN : Number(values.replayPercent);
  if (!(replay >= 0 && replay <= 100)) problems.add("replayPercent");
  if (int(values.patchSeed, 0, PATCH_BOUNDS.seed.max) === null) problems.add("patchSeed");
  return problems;
}

export function loopBody(values: TLoopFormValues): TLoopBody | null {
  if (loopFormProblems(values).size > 0) return null;
  return {
    settings: {
      ...(values.reuseKnowledge && values.knowledgeVersionId ? { knowledgeVersionId: values.knowledgeVersionId } : {}),
      reuseKnowledge: values.reuseKnowledge,
      v1: { ...(values.v1Budget.trim() ? { budget: Number(values.v1Budget) } : {}), seed: Number(values.v1Seed) },
      patch: { budget: Number(values.patchBudget), replayRatio: Math.round(Number(values.replayPercent) * 100) / 10_000, seed: Number(values.patchSeed) },
      backend: values.backend,
    },
  };
}
