// What a loop step sees: the loop, its parsed settings, the artifacts recorded so far, and the
// creator it acts as (every artifact it makes is theirs, every action is audited in their name).
import type { TRole } from "@proda/core";
import type { LoopRun, PrismaClient } from "@proda/db";
import { audit, type TArtifactKind, type TLoopArtifacts, type TLoopSettings } from "@proda/pipeline";

export interface TStepContext {
  prisma: PrismaClient;
  loop: LoopRun;
  settings: TLoopSettings;
  artifacts: TLoopArtifacts;
  creator: { id: string; role: TRole };
  /** When this attempt at the stage started: only rows made since then are this loop's to adopt. */
  since: Date;
}

export interface TStep {
  /** The artifact keys this step records (the patch makes V2 and its control together). */
  keys: string[];
  kind: TArtifactKind;
  /** Finds what an earlier attempt started but crashed before recording, so nothing is made twice. */
  adopt(c: TStepContext): Promise<Record<string, string> | null>;
  start(c: TStepContext): Promise<Record<string, string>>;
  /** Once ready: finish it (freeze) or record what it produced (the trained model). */
  onReady?(c: TStepContext, id: string): Promise<Record<string, string> | void>;
}

/** The artifact recorded under `key`; a stage only runs once the stages before it recorded theirs. */
export function need(c: TStepContext, key: string): string {
  const id = c.artifacts[key];
  if (!id) throw new Error(`The loop has no ${key} recorded before stage ${c.loop.stage}`);
  return id;
}

/** Rows this loop's creator made during the current attempt at the stage. */
export const ours = (c: TStepContext) => ({ projectId: c.loop.projectId, createdById: c.creator.id, createdAt: { gte: c.since } });

export function auditAs(c: TStepContext, action: string, targetType: string, targetId: string, detail: Record<string, unknown> = {}) {
  return audit({
    actorId: c.creator.id, projectId: c.loop.projectId, action, targetType, targetId,
    detail: { ...detail, loopId: c.loop.id, loopNumber: c.loop.number } as object,
  });
}
