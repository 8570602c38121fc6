// The patch plan: from reviewed diagnoses to what a V2 dataset teaches. Concept gaps become
// **refine** targets (their relations and concepts); reasoning deficits become **chain-of-thought**
// targets (their chains). The budget is split between the two by how many failures each explains.
// The plan is stored in V2's recipe, so V2 rebuilds from it without the diagnoses.
import { z } from "zod";
import type { TDiagnosis } from "./diagnose.ts";

export const ZPatchPlan = z.object({
  parentDatasetVersionId: z.string().min(1),
  /** Patch samples (replay comes on top). */
  budget: z.number().int().min(0).max(200_000).default(1000),
  /** Share of the parent's samples replayed (those on patched nodes are never replayed). */
  replayRatio: z.number().min(0).max(1).default(0.65),
  seed: z.number().int(),
  refine: z.object({ relationIds: z.array(z.string()), conceptIds: z.array(z.string()), budget: z.number().int().min(0) }),
  chainOfThought: z.object({ chainIds: z.array(z.string()), budget: z.number().int().min(0) }),
});
export type TPatchPlan = z.infer<typeof ZPatchPlan>;
export type TPatchPlanInput = z.input<typeof ZPatchPlan>;

export interface TPlanOptions {
  parentDatasetVersionId: string;
  budget?: number;
  replayRatio?: number;
  seed: number;
}

export function planPatch(diagnoses: readonly Pick<TDiagnosis, "label" | "targets">[], options: TPlanOptions): TPatchPlan {
  const budget = options.budget ?? 1000;
  const relationIds = new Set<string>();
  const conceptIds = new Set<string>();
  const chainIds = new Set<string>();
  let gaps = 0;
  let deficits = 0;
  for (const d of diagnoses) {
    if (d.label === "concept_gap") {
      gaps++;
      d.targets.relationIds.forEach((id) => relationIds.add(id));
      d.targets.conceptIds.forEach((id) => conceptIds.add(id));
    } else {
      deficits++;
      if (d.targets.chainId) chainIds.add(d.targets.chainId);
      // Weakly taught nodes of a deficit are reinforced as well.
      d.targets.relationIds.forEach((id) => relationIds.add(id));
      d.targets.conceptIds.forEach((id) => conceptIds.add(id));
    }
  }
  const total = gaps + deficits;
  const hasRefine = relationIds.size + conceptIds.size > 0;
  const hasCot = chainIds.size > 0;
  let refineBudget = total === 0 ? 0 : Math.round((budget * gaps) / total);
  if (!hasCot) refineBudget = hasRefine ? budget : 0;
  if (!hasRefine) refineBudget = 0;
  const cotBudget = hasCot ? budget - refineBudget : 0;
  return ZPatchPlan.parse({
    parentDatasetVersionId: options.parentDatasetVersionId,
    budget,
    replayRatio: options.replayRatio ?? 0.65,
    seed: options.seed,
    refine: { relationIds: [...relationIds].sort(), conceptIds: [...conceptIds].sort(), budget: refineBudget },
    chainOfThought: { chainIds: [...chainIds].sort(), budget: cotBudget },
  });
}
