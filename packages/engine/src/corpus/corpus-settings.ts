// A project's corpus settings: chunking, quality thresholds and the near-duplicate threshold.
// Stored as given (partial); resolved against the defaults whenever they are used.
import { z } from "zod";
import { ZQualitySettings } from "./quality-settings.ts";

export const ZCorpusSettings = z
  .object({
    chunkTokens: z.number().int().min(64).max(8192).default(512),
    overlapTokens: z.number().int().min(0).max(2048).default(64),
    /** Estimated Jaccard similarity from which a chunk counts as a near-duplicate of an earlier one. */
    dedupThreshold: z.number().min(0.5).max(1).default(0.8),
    quality: ZQualitySettings.prefault({}),
  })
  .refine((s) => s.overlapTokens <= s.chunkTokens / 2, { message: "The overlap may be at most half the chunk size", path: ["overlapTokens"] });

export type TCorpusSettings = z.infer<typeof ZCorpusSettings>;
export type TCorpusSettingsInput = z.input<typeof ZCorpusSettings>;

/** Takes the stored row (or null) as it comes from the database; unknown columns are ignored. */
export function resolveCorpusSettings(stored: unknown): TCorpusSettings {
  return ZCorpusSettings.parse(stored ?? {});
}
