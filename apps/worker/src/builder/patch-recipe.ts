// The recipe of a patched dataset version (V2) and of its random control: the Builder recipe fields
// (so lists and rebuilds read it like any version) plus the patch plan and the diagnosis run it came
// from. Mirrors apps/web/src/server/datasets/patch-recipe.ts, which writes it.
import { ZPatchPlan, ZRecipe } from "@proda/engine";
import { z } from "zod";

export const ZPatchRecipe = ZRecipe.extend({
  kind: z.enum(["patch", "control"]),
  plan: ZPatchPlan,
  diagnosisRunId: z.string().min(1),
});
export type TPatchRecipe = z.infer<typeof ZPatchRecipe>;

/** A plain Builder recipe has no `kind`. */
export function isPatchRecipe(recipe: unknown): boolean {
  const kind = (recipe as { kind?: unknown } | null)?.kind;
  return kind === "patch" || kind === "control";
}
