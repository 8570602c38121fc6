// The recipe of a patched dataset version (V2) and of its random control: the Builder recipe fields
// (so lists, the recipe panel and rebuilds read it like any version) plus the patch plan and the
// diagnosis run it came from. The API writes it and the worker reads it with this one schema.
import { z } from "zod";
import { ZRecipe } from "../builder/recipe.ts";
import { ZPatchPlan } from "./plan-patch.ts";

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
