// One loop.advance job: move the loop as far as it can go now, then hand over to the next job in
// its chain (delayed while a stage's jobs run). Only the job the loop names in jobId may act, and
// every write is guarded on that and on the loop still being active, so a duplicate or stale job,
// a cancel or a resume racing with this one can never make the loop take a step twice.
import { AppError, can } from "@proda/core";
import type { LoopRun, Prisma, PrismaClient } from "@proda/db";
import { cancelJob } from "@proda/jobs";
import {
  closeEntry, enqueueAdvance, entryOf, nextAdvanceJobId, nextStage, openEntry, readArtifactState, readTimeline, ZLoopSettings,
  type TLoopArtifacts, type TLoopStage,
} from "@proda/pipeline";
import { log } from "../log.ts";
import { describeSummary, summarizeLoop } from "./loop-summary.ts";
import { runStage, type TRecord, type TStageOutcome } from "./run-stage.ts";
import { describeStage } from "./stage-messages.ts";
import type { TStepContext } from "./step-context.ts";

const ACTIVE = ["queued", "running"] as const;

/** The loop was cancelled, resumed elsewhere or finished while this job ran: stop quietly. */
class LoopStopped extends Error {}

/** Poll quickly while a stage is young, then less often: a long training run should not fill the Jobs table. */
const pollDelay = (since: Date) => Math.min(5000, Math.max(1000, (Date.now() - since.getTime()) / 10));

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function advanceLoop(prisma: PrismaClient, jobId: string, payload: { projectId: string; loopId: string }) {
  const loop = await prisma.loopRun.findUnique({ where: { id: payload.loopId } });
  // The row is committed together with the first job's enqueue; until then, retry (BullMQ backoff).
  if (!loop) throw new Error(`Loop ${payload.loopId} not found (yet)`);
  if (loop.projectId !== payload.projectId) throw new AppError("validation_failed", "The loop belongs to another project");
  if (!(ACTIVE as readonly string[]).includes(loop.status)) return { skipped: loop.status };
  if (loop.jobId !== jobId) {
    // A crash between naming the next job and queuing it leaves the chain without a job: queue it
    // (idempotent — a job already queued under that id is left as it is).
    if (loop.jobId) await enqueueAdvance(prisma, loop, loop.jobId);
    return { skipped: "superseded" };
  }
  try {
    return await drive(prisma, loop, jobId);
  } catch (error) {
    if (error instanceof LoopStopped) return { skipped: "stopped" };
    throw error;
  }
}

async function drive(prisma: PrismaClient, loop: LoopRun, jobId: string) {
  let stage = loop.stage as TLoopStage;
  let timeline = readTimeline(loop.timeline);
  const artifacts = { ...(loop.artifacts as TLoopArtifacts) };
  const write = async (data: Prisma.LoopRunUpdateManyMutationInput) => {
    const { count } = await prisma.loopRun.updateMany({ where: { id: loop.id, jobId, status: { in: [...ACTIVE] } }, data });
    if (count !== 1) throw new LoopStopped();
  };
  const fail = async (error: string) => {
    timeline = closeEntry(timeline, stage, "failed", error, new Date());
    await write({ status: "failed", error, finishedAt: new Date(), timeline: timeline as object[] });
    log.warn({ loopId: loop.id, stage, error }, "loop failed");
    return { stage, outcome: "failed", error };
  };

  if (loop.status === "queued" || entryOf(timeline, stage)?.status !== "running") {
    timeline = entryOf(timeline, stage)?.status === "running" ? timeline : openEntry(timeline, stage, new Date());
    await write({ status: "running", timeline: timeline as object[] });
  }
  const settings = ZLoopSettings.safeParse(loop.settings);
  if (!settings.success) return fail(`The loop's settings are invalid: ${settings.error.message}`);
  const member = loop.createdById
    ? await prisma.membership.findUnique({ where: { projectId_userId: { projectId: loop.projectId, userId: loop.createdById } }, select: { role: true } })
    : null;
  if (!member || !can(member.role, "loop.run")) return fail("The loop's creator may no longer run loops in this project, and the loop acts as them.");

  const record: TRecord = async (ids, startedKind) => {
    Object.assign(artifacts, ids);
    try {
      await write({ artifacts });
    } catch (error) {
      // Cancelled while starting it: stop what was just started, which the cancel could not see.
      if (error instanceof LoopStopped && startedKind) {
        for (const id of Object.values(ids)) {
          const { jobId: started } = await readArtifactState(prisma, startedKind, id);
          if (started) await cancelJob(prisma, started).catch(() => {});
        }
      }
      throw error;
    }
  };

  for (;;) {
    const now = new Date();
    if (stage === "done") {
      const summary = await summarizeLoop(prisma, artifacts);
      timeline = closeEntry(timeline, "done", "succeeded", describeSummary(summary), now, { summary });
      await write({ status: "succeeded", finishedAt: now, timeline: timeline as object[] });
      log.info({ loopId: loop.id, ...summary.accuracy }, "loop done");
      return { stage, outcome: "succeeded", summary };
    }
    const since = new Date(entryOf(timeline, stage)?.startedAt ?? now);
    const c: TStepContext = { prisma, loop: { ...loop, stage }, settings: settings.data, artifacts, creator: { id: loop.createdById!, role: member.role }, since };
    let outcome: TStageOutcome;
    try {
      outcome = await runStage(c, stage, record);
    } catch (error) {
      if (error instanceof LoopStopped) throw error;
      // A starter's refusal (a conflict, a missing node, the guard) ends the loop with its reason; resume retries it.
      outcome = { kind: "failed", error: messageOf(error) };
    }
    if (outcome.kind === "failed") return fail(outcome.error);
    if (outcome.kind === "waiting") {
      const next = nextAdvanceJobId(loop.id, jobId);
      await enqueueAdvance(prisma, loop, next, pollDelay(since), () => write({ jobId: next, artifacts }));
      return { stage, outcome: "waiting", next };
    }
    const message = outcome.kind === "skipped" ? outcome.message : await describeStage(prisma, stage, artifacts);
    timeline = closeEntry(timeline, stage, outcome.kind === "skipped" ? "skipped" : "succeeded", message, now);
    stage = nextStage(stage);
    timeline = openEntry(timeline, stage, now);
    await write({ stage, timeline: timeline as object[], artifacts });
    log.info({ loopId: loop.id, stage }, "loop stage started");
  }
}
