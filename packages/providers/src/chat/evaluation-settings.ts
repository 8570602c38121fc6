// How an evaluation asks its model, shared by the web app (which validates and stores it on the
// Evaluation row) and the worker (which reads it back): one schema, so neither drifts.
import { z } from "zod";

export const ZEvaluationSettings = z.object({
  /** Requests in flight at once (the provider's shared rate limit still applies on top). */
  concurrency: z.number().int().min(1).max(32).default(4),
  /** Retries of one item's request after the first attempt (429, 5xx, timeouts). */
  maxRetries: z.number().int().min(0).max(10).default(4),
  temperature: z.number().min(0).max(2).default(0),
  maxTokens: z.number().int().min(16).max(32_768).default(1024),
  /** Only the first N non-rejected items (by position); null: all of them. */
  limit: z.number().int().min(1).max(1_000_000).nullable().default(null),
});
export type TEvaluationSettings = z.infer<typeof ZEvaluationSettings>;
export type TEvaluationSettingsInput = z.input<typeof ZEvaluationSettings>;
