// What a loop run is told up front, stored parsed (defaults filled in) on the LoopRun row so the
// run is reproducible even if a default changes later; and the shapes of its artifacts and timeline.
import { ZTesterSettings } from "@proda/engine";
import { ZEvaluationSettings } from "@proda/providers";
import { z } from "zod";
import { ZDiagnoseRequest } from "../debugger/start-diagnosis.ts";
import { ZPatchOptions } from "../debugger/plan-patch.ts";

export const LOOP_STAGES = ["extract", "benchmark", "v1", "train_v1", "evaluate_v1", "diagnose", "patch", "train_v2", "evaluate_v2", "done"] as const;
export type TLoopStage = (typeof LOOP_STAGES)[number];

const ZId = z.string().min(1).max(64);
const ZSeed = z.number().int().min(0).max(2_147_483_647);

export const ZLoopSettings = z.object({
  /** Start from this ready knowledge version (the extract stage is skipped). */
  knowledgeVersionId: ZId.optional(),
  /** Start from the project's latest ready knowledge version when there is one, else extract. */
  reuseKnowledge: z.boolean().default(false),
  /** The LLM provider of extraction and benchmark wording (the project's default when left out). */
  providerId: ZId.optional(),
  benchmark: ZTesterSettings.prefault({}),
  v1: z
    .object({
      /** Samples of V1; or `share`: this fraction of the knowledge version's relation count. */
      budget: z.number().int().min(1).max(2_000_000).optional(),
      share: z.number().min(0.01).max(10).optional(),
      seed: ZSeed.default(0),
      excludeRelationIds: z.array(ZId).max(100_000).optional(),
    })
    .refine((v) => v.budget === undefined || v.share === undefined, { message: "Give budget or share, not both", path: ["share"] })
    .prefault({}),
  diagnosis: ZDiagnoseRequest.prefault({}),
  patch: ZPatchOptions.prefault({}),
  /** Backends whose trained model the loop can then evaluate (the GPU ones need a served endpoint first). */
  backend: z.enum(["builtin-student", "openai"]).default("builtin-student"),
  hyperparameters: z.record(z.string(), z.unknown()).default({}),
  evaluation: ZEvaluationSettings.prefault({}),
});
export type TLoopSettings = z.infer<typeof ZLoopSettings>;
export type TLoopSettingsInput = z.input<typeof ZLoopSettings>;

/** Artifact ids by role: knowledgeVersionId, benchmarkId, v1Id, v1ReportId, trainV1Id, modelV1Id, … */
export type TLoopArtifacts = Record<string, string>;

export type TTimelineStatus = "running" | "succeeded" | "failed" | "cancelled" | "skipped";

export interface TLoopSummary {
  accuracy: { v1: number; v2: number; control: number | null };
  items: number;
  /** Items V2 (resp. the control) got right that V1 got wrong, and the reverse. */
  v2: { fixed: number; regressed: number };
  control: { fixed: number; regressed: number } | null;
}

export interface TTimelineEntry {
  stage: TLoopStage;
  status: TTimelineStatus;
  /** When the stage's current attempt started (a resume restarts it). */
  startedAt: string | null;
  finishedAt: string | null;
  message: string | null;
  /** On the done entry: the figures of the run. */
  summary?: TLoopSummary;
}

export const nextStage = (stage: TLoopStage): TLoopStage => LOOP_STAGES[Math.min(LOOP_STAGES.indexOf(stage) + 1, LOOP_STAGES.length - 1)]!;
