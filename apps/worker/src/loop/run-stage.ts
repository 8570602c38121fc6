// One look at the current stage: start (or adopt) what is missing, phase by phase, and say whether
// the stage is done, still waiting on its jobs, or failed. Every id is recorded the moment it
// exists, so a crash right after never makes the same artifact twice (see TStep.adopt).
import { readArtifactState, type TArtifactKind, type TLoopStage } from "@proda/pipeline";
import type { TStepContext } from "./step-context.ts";
import { skipExtraction, STAGE_PHASES } from "./stages.ts";

export type TStageOutcome = { kind: "waiting" } | { kind: "failed"; error: string } | { kind: "done" } | { kind: "skipped"; message: string };

/** Writes new ids onto the loop; throws when the loop was cancelled meanwhile (after cancelling what was just started). */
export type TRecord = (ids: Record<string, string>, startedKind: TArtifactKind | null) => Promise<void>;

export async function runStage(c: TStepContext, stage: Exclude<TLoopStage, "done">, record: TRecord): Promise<TStageOutcome> {
  if (stage === "extract" && !c.artifacts.knowledgeVersionId) {
    const skip = await skipExtraction(c);
    if (skip) {
      await record(skip.artifacts, null);
      return { kind: "skipped", message: skip.message };
    }
  }
  for (const phase of STAGE_PHASES[stage]) {
    for (const step of phase) {
      if (step.keys.every((k) => c.artifacts[k])) continue;
      const adopted = await step.adopt(c);
      await record(adopted ?? (await step.start(c)), adopted ? null : step.kind);
    }
    let waiting = false;
    for (const step of phase) {
      for (const key of step.keys) {
        const state = await readArtifactState(c.prisma, step.kind, c.artifacts[key]!);
        if (state.state === "failed") return { kind: "failed", error: state.error ?? `${key} failed` };
        if (state.state === "running") waiting = true;
      }
    }
    if (waiting) return { kind: "waiting" };
    for (const step of phase) {
      for (const key of step.keys) {
        const made = await step.onReady?.(c, c.artifacts[key]!);
        if (made && Object.entries(made).some(([k, id]) => c.artifacts[k] !== id)) await record(made, null);
      }
    }
  }
  return { kind: "done" };
}
