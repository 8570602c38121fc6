// The loop as data: each stage is phases of steps; a phase's steps start together and the next
// phase starts once all of them are ready (V2 and its control train side by side, for example).
import { AppError } from "@proda/core";
import type { TLoopStage } from "@proda/pipeline";
import { benchmarkStep, checkStep, extractStep, patchStep, v1Step } from "./data-steps.ts";
import { diagnoseStep, evaluateStep, trainStep } from "./model-steps.ts";
import type { TStep, TStepContext } from "./step-context.ts";

export const STAGE_PHASES: Record<Exclude<TLoopStage, "done">, TStep[][]> = {
  extract: [[extractStep]],
  benchmark: [[benchmarkStep]],
  v1: [[v1Step], [checkStep("v1Id", "v1ReportId")]],
  train_v1: [[trainStep("v1Id", "trainV1Id", "modelV1Id")]],
  evaluate_v1: [[evaluateStep("modelV1Id", "evaluationV1Id")]],
  diagnose: [[diagnoseStep]],
  patch: [[patchStep], [checkStep("v2Id", "v2ReportId"), checkStep("controlId", "controlReportId")]],
  train_v2: [[trainStep("v2Id", "trainV2Id", "modelV2Id"), trainStep("controlId", "trainControlId", "modelControlId")]],
  evaluate_v2: [[evaluateStep("modelV2Id", "evaluationV2Id"), evaluateStep("modelControlId", "evaluationControlId")]],
};

/**
 * The extract stage is skipped when the settings name a knowledge version, or ask to reuse the
 * latest ready one and there is one: the ids to record and why, or null to extract.
 */
export async function skipExtraction(c: TStepContext): Promise<{ artifacts: Record<string, string>; message: string } | null> {
  const { knowledgeVersionId, reuseKnowledge } = c.settings;
  if (!knowledgeVersionId && !reuseKnowledge) return null;
  const version = await c.prisma.knowledgeVersion.findFirst({
    where: { projectId: c.loop.projectId, status: "ready", ...(knowledgeVersionId ? { id: knowledgeVersionId } : {}) },
    orderBy: { number: "desc" },
  });
  if (!version) {
    if (knowledgeVersionId) throw new AppError("conflict", "The knowledge version named in the settings is gone or not ready.");
    return null;
  }
  return { artifacts: { knowledgeVersionId: version.id }, message: `Using knowledge version ${version.number}` };
}
