// A dataset version's recipe: everything besides the knowledge version itself that decides its
// samples, so the version can be rebuilt exactly (DESIGN invariant 3). Question-type counts are
// fixed here by code (the original tool left the single/multiple and true/false splits to the LLM).
import { z } from "zod";

export const SAMPLE_TYPES = ["definition_qa", "relation_qa", "single_choice", "multiple_choice", "true_false"] as const;
export const ZSampleType = z.enum(SAMPLE_TYPES);
export type TSampleType = z.infer<typeof ZSampleType>;

/** Bumped whenever template wording or sampling changes: a recipe built by another version cannot be rebuilt exactly. */
export const BUILDER_VERSION = 1;

const ZShare = z.number().min(0).max(1);

export const ZRatios = z
  .object({ definition_qa: ZShare, relation_qa: ZShare, single_choice: ZShare, multiple_choice: ZShare, true_false: ZShare })
  .refine((r) => Math.abs(SAMPLE_TYPES.reduce((sum, type) => sum + r[type], 0) - 1) < 1e-6, { message: "Question-type ratios must sum to 1" });
export type TRatios = z.infer<typeof ZRatios>;

export const DEFAULT_RATIOS: TRatios = { definition_qa: 0.2, relation_qa: 0.3, single_choice: 0.2, multiple_choice: 0.1, true_false: 0.2 };

export const ZRecipe = z.object({
  knowledgeVersionId: z.string().min(1),
  ratios: ZRatios.default(DEFAULT_RATIOS),
  /** Samples in the version. */
  budget: z.number().int().min(1).max(2_000_000),
  seed: z.number().int(),
  /** Relations per sampling window: each window gives about one sample per relation before the walk moves on. */
  windowSize: z.number().int().min(1).max(1000).default(8),
  /** Share of true statements among true/false samples (the original's true_ratio, 0.6 there). */
  trueShare: ZShare.default(0.5),
  /** Nodes never taught (held out by a curator). */
  excludeRelationIds: z.array(z.string()).default([]),
  excludeConceptIds: z.array(z.string()).default([]),
  /** Frozen benchmarks whose texts were passed as `forbiddenTexts`: pass the same texts to rebuild. */
  forbiddenBenchmarkIds: z.array(z.string()).default([]),
  /** A patched version: the version it derives from and the share of its samples replayed. */
  parent: z.object({ datasetVersionId: z.string().min(1), replayRatio: ZShare }).optional(),
  builderVersion: z.number().int().default(BUILDER_VERSION),
});
export type TRecipe = z.infer<typeof ZRecipe>;
export type TRecipeInput = z.input<typeof ZRecipe>;

/**
 * round(budget × ratio) per type, by largest remainder so the counts sum to the budget exactly:
 * each type gets its floor, then the leftover samples go to the largest fractional parts (ties in
 * SAMPLE_TYPES order).
 */
export function allocateTypeCounts(budget: number, ratios: TRatios): Record<TSampleType, number> {
  const exact = SAMPLE_TYPES.map((type) => budget * ratios[type]);
  const counts = exact.map(Math.floor);
  let left = budget - counts.reduce((a, b) => a + b, 0);
  const order = SAMPLE_TYPES.map((_, i) => i).sort((a, b) => exact[b]! - counts[b]! - (exact[a]! - counts[a]!) || a - b);
  for (const i of order) {
    if (left <= 0) break;
    if (ratios[SAMPLE_TYPES[i]!] === 0) continue;
    counts[i]!++;
    left--;
  }
  return Object.fromEntries(SAMPLE_TYPES.map((type, i) => [type, counts[i]!])) as Record<TSampleType, number>;
}

/** How many of `total` true/false samples state a true fact. */
export function countTrue(total: number, share: number): number {
  return Math.round(total * share);
}
