// The closed loop as one queued flow, on real PostgreSQL, Redis and worker processes, over the
// demo corpus's knowledge version: a loop whose V1 teaches only part of the graph runs to done with
// every artifact recorded and V2 beating V1 (the random control reported beside them); a second
// loop is cancelled mid-training (its job cancelled), resumed without redoing finished stages, and
// survives its worker being killed with SIGKILL. Also: one loop at a time, Redis down → 503 and no
// row, roles, and the audit trail in the creator's name.
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { getPrisma } from "@proda/db";
import { closeProducer, getQueue } from "@proda/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForJob } from "../../../prisma/factories/wait-for-job.ts";
import { startWorker, type WorkerProcess } from "../../worker/test/worker-process.ts";
import * as loopsRoute from "../app/api/v1/projects/[projectId]/loops/route.ts";
import * as loopRoute from "../app/api/v1/projects/[projectId]/loops/[loopId]/route.ts";
import * as cancelRoute from "../app/api/v1/projects/[projectId]/loops/[loopId]/cancel/route.ts";
import * as resumeRoute from "../app/api/v1/projects/[projectId]/loops/[loopId]/resume/route.ts";
import type { TLoopDto } from "../src/lib/api-types.ts";
import { callRoute } from "./call-route.ts";
import { createKnowledgeProject } from "./fixtures/knowledge-project.ts";

const prisma = getPrisma();
process.env.PRODA_QUEUE_PREFIX = `test-${randomBytes(4).toString("hex")}`;
// A short lock: a killed worker's jobs are taken over within seconds. Student batches paced so a
// training run lasts long enough to be cancelled mid-way.
const workerEnv = { PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX, WORKER_LOCK_MS: "1500", PRODA_STUDENT_STEP_PAUSE_MS: "40" };
let worker: WorkerProcess;
let fx: Awaited<ReturnType<typeof createKnowledgeProject>>;
let relations: number;

const ARTIFACT_KEYS = [
  "knowledgeVersionId", "benchmarkId", "v1Id", "v1ReportId", "trainV1Id", "modelV1Id", "evaluationV1Id", "diagnosisRunId",
  "v2Id", "controlId", "v2ReportId", "controlReportId", "trainV2Id", "trainControlId", "modelV2Id", "modelControlId", "evaluationV2Id", "evaluationControlId",
];
const STAGES = ["extract", "benchmark", "v1", "train_v1", "evaluate_v1", "diagnose", "patch", "train_v2", "evaluate_v2", "done"];

/**
 * V1 has samples for 30 % of the graph's relations, so much of it is never taught. (At half, V2 lost
 * to V1 in one of five runs on this 50-relation graph: too little left to repair; see BENCHMARKS.md.)
 */
const V1_SHARE = 0.3;
const settings = (seed: number) => ({ knowledgeVersionId: fx.versionId, v1: { share: V1_SHARE, seed }, patch: { budget: 300, replayRatio: 0.65, seed } });

const p = (loopId?: string) => ({ projectId: fx.projectId, ...(loopId ? { loopId } : {}) });
const as = (role: "owner" | "engineer" | "viewer") => fx.members[role].token;

async function start(body: unknown, token = as("engineer")) {
  return callRoute(loopsRoute.POST, "POST", { token, params: p(), body });
}

async function detail(loopId: string): Promise<TLoopDto> {
  const res = await callRoute(loopRoute.GET, "GET", { token: as("viewer"), params: p(loopId) });
  expect(res.status, res.text).toBe(200);
  return res.body.loop;
}

async function waitLoop(loopId: string, until: (loop: TLoopDto) => boolean, timeoutMs = 90_000): Promise<TLoopDto> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const loop = await detail(loopId);
    if (until(loop)) return loop;
    if (Date.now() > deadline) throw new Error(`loop ${loopId} stuck: ${JSON.stringify({ status: loop.status, stage: loop.stage, error: loop.error })}`);
    await sleep(100);
  }
}
const ended = (l: TLoopDto) => !["queued", "running"].includes(l.status);

beforeAll(async () => {
  worker = await startWorker(workerEnv);
  fx = await createKnowledgeProject(prisma, ["owner", "engineer", "viewer"]);
  relations = await prisma.relation.count({ where: { versionId: fx.versionId } });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await getQueue("cpu").obliterate({ force: true }).catch(() => {});
  await closeProducer();
});

describe("a loop run", () => {
  let loop: TLoopDto;

  it("runs extract → benchmark → V1 → train → evaluate → diagnose → patch → V2 + control → train → evaluate to done", async () => {
    expect((await start({ settings: settings(1) }, as("viewer"))).status).toBe(403);
    const res = await start({ settings: settings(1) });
    expect(res.status, res.text).toBe(202);
    expect(res.body.loop).toMatchObject({ number: 1, status: "queued", stage: "extract", settings: { v1: { share: V1_SHARE, seed: 1 }, backend: "builtin-student" } });
    // One loop at a time per project.
    expect((await start({ settings: settings(2) })).status).toBe(409);

    loop = await waitLoop(res.body.loop.id, ended);
    expect(loop.status, loop.error ?? "").toBe("succeeded");
    expect(loop.stage).toBe("done");
    expect(Object.keys(loop.artifacts).sort()).toEqual([...ARTIFACT_KEYS].sort());
    expect(loop.artifacts.knowledgeVersionId).toBe(fx.versionId);
    expect(loop.timeline.map((e) => e.stage)).toEqual(STAGES);
    expect(loop.timeline.map((e) => e.status)).toEqual(["skipped", ...Array(9).fill("succeeded")]);
    for (const e of loop.timeline) expect(e.finishedAt! >= e.startedAt!, e.stage).toBe(true);
  }, 120_000);

  it("made its artifacts as the creator, chained the way the stages' own routes would", async () => {
    const a = loop.artifacts;
    const [benchmark, v1, v2, control, evaluations] = await Promise.all([
      prisma.benchmark.findUniqueOrThrow({ where: { id: a.benchmarkId } }),
      prisma.datasetVersion.findUniqueOrThrow({ where: { id: a.v1Id } }),
      prisma.datasetVersion.findUniqueOrThrow({ where: { id: a.v2Id } }),
      prisma.datasetVersion.findUniqueOrThrow({ where: { id: a.controlId } }),
      prisma.evaluation.findMany({ where: { id: { in: [a.evaluationV1Id!, a.evaluationV2Id!, a.evaluationControlId!] } } }),
    ]);
    expect(benchmark.frozenAt).not.toBeNull();
    expect(v1.sampleCount).toBe(Math.round(relations * V1_SHARE));
    expect([v1.status, v2.status, control.status]).toEqual(["frozen", "frozen", "frozen"]);
    expect([v2.parentId, control.parentId]).toEqual([v1.id, v1.id]);
    expect(v2.recipe).toMatchObject({ kind: "patch", diagnosisRunId: a.diagnosisRunId, seed: 1 });
    expect(control.recipe).toMatchObject({ kind: "control", diagnosisRunId: a.diagnosisRunId });
    expect(new Set(evaluations.map((e) => e.benchmarkId))).toEqual(new Set([benchmark.id]));
    const models = await prisma.registeredModel.findMany({ where: { id: { in: [a.modelV1Id!, a.modelV2Id!, a.modelControlId!] } } });
    expect(models.map((m) => m.datasetVersionId).sort()).toEqual([v1.id, v2.id, control.id].sort());
    const creator = fx.members.engineer.userId;
    for (const row of [benchmark, v1, v2, control, ...evaluations]) expect(row.createdById).toBe(creator);
    const actions = await prisma.auditEvent.findMany({ where: { projectId: fx.projectId, detail: { path: ["loopId"], equals: loop.id } }, select: { action: true, actorId: true } });
    expect(new Set(actions.map((e) => e.actorId))).toEqual(new Set([creator]));
    expect(actions.map((e) => e.action).sort()).toEqual(
      ["benchmark.create", "dataset.build", "dataset.freeze", "training.start", "evaluation.create", "diagnosis.start", "dataset.patch",
        "dataset.freeze", "dataset.freeze", "training.start", "training.start", "evaluation.create", "evaluation.create"].sort(),
    );
  });

  it("repairs what V1 never taught: V2 beats V1, the random control reported beside them", async () => {
    const done = loop.timeline.at(-1) as TLoopDto["timeline"][number] & { summary: { accuracy: { v1: number; v2: number; control: number }; v2: { fixed: number; regressed: number }; control: { fixed: number; regressed: number }; items: number } };
    const { summary } = done;
    const accuracy = async (id: string) => ((await prisma.evaluation.findUniqueOrThrow({ where: { id } })).summary as { total: { accuracy: number } }).total.accuracy;
    expect(summary.accuracy).toEqual({
      v1: await accuracy(loop.artifacts.evaluationV1Id!), v2: await accuracy(loop.artifacts.evaluationV2Id!), control: await accuracy(loop.artifacts.evaluationControlId!),
    });
    console.log("loop figures", { relations, ...summary, message: done.message });
    expect(summary.accuracy.v2).toBeGreaterThan(summary.accuracy.v1);
    expect(summary.v2.fixed).toBeGreaterThan(summary.v2.regressed);
    expect(done.message).toMatch(/^V1 .* → V2 .*random control/);
  });
});

describe("cancel, resume and a killed worker", () => {
  let loopId: string;
  let atCancel: Record<string, string>;
  let since: Date;
  const creator = () => fx.members.engineer.userId;

  it("cancels mid-training: the loop and the training job both end cancelled", async () => {
    // One student batch, then a long pause: the training run is still running when the cancel comes.
    await worker.stop();
    worker = await startWorker({ ...workerEnv, PRODA_STUDENT_STEP_PAUSE_MS: "8000" });
    since = new Date();
    const res = await start({ settings: { reuseKnowledge: true, v1: { share: V1_SHARE, seed: 2 }, patch: { budget: 300, seed: 2 } } });
    expect(res.status, res.text).toBe(202);
    loopId = res.body.loop.id;
    const training = await waitLoop(loopId, (l) => ended(l) || Boolean(l.artifacts.trainV1Id));
    expect(training.stage).toBe("train_v1");
    const run = await prisma.trainingRun.findUniqueOrThrow({ where: { id: training.artifacts.trainV1Id! } });

    expect((await callRoute(cancelRoute.POST, "POST", { token: as("viewer"), params: p(loopId) })).status).toBe(403);
    const cancelled = await callRoute(cancelRoute.POST, "POST", { token: as("engineer"), params: p(loopId) });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.loop).toMatchObject({ status: "cancelled", stage: "train_v1" });
    expect((await waitForJob(prisma, run.jobId!)).status).toBe("cancelled");
    expect((await prisma.trainingRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("cancelled");
    await sleep(2500);
    const after = await detail(loopId);
    expect(after).toMatchObject({ status: "cancelled", stage: "train_v1" });
    expect(after.timeline.find((e) => e.stage === "train_v1")).toMatchObject({ status: "cancelled", message: "Cancelled on request" });
    expect(after.timeline.find((e) => e.stage === "extract")).toMatchObject({ status: "skipped", message: "Using knowledge version 1" });
    // Nothing moves any more: no job of the loop is waiting or running.
    expect(await prisma.job.count({ where: { id: { startsWith: `loop-${loopId}-` }, status: { in: ["queued", "running"] } } })).toBe(0);
    expect((await callRoute(cancelRoute.POST, "POST", { token: as("engineer"), params: p(loopId) })).status).toBe(409);
    atCancel = after.artifacts;
  }, 120_000);

  it("resumes from the cancelled stage, and finishes although its worker is killed with SIGKILL mid-loop", async () => {
    await worker.stop();
    worker = await startWorker({ ...workerEnv, PRODA_STUDENT_STEP_PAUSE_MS: "3000" });
    expect((await callRoute(resumeRoute.POST, "POST", { token: as("viewer"), params: p(loopId) })).status).toBe(403);
    const resumed = await callRoute(resumeRoute.POST, "POST", { token: as("owner"), params: p(loopId) });
    expect(resumed.status, resumed.text).toBe(202);
    expect(resumed.body.loop).toMatchObject({ status: "running", stage: "train_v1", error: null });
    expect(resumed.body.loop.artifacts.trainV1Id).toBeUndefined();
    expect((await callRoute(resumeRoute.POST, "POST", { token: as("owner"), params: p(loopId) })).status).toBe(409);

    const training = await waitLoop(loopId, (l) => ended(l) || Boolean(l.artifacts.trainV2Id && l.artifacts.trainControlId));
    expect(training.stage).toBe("train_v2");
    // Kill once both students are training (each pauses 3 s between its two batches).
    const pair = [training.artifacts.trainV2Id!, training.artifacts.trainControlId!];
    const deadline = Date.now() + 20_000;
    while ((await prisma.trainingLogEntry.groupBy({ by: ["runId"], where: { runId: { in: pair } } })).length < 2 && Date.now() < deadline) await sleep(50);
    await worker.stop("SIGKILL");
    worker = await startWorker(workerEnv);

    const loop = await waitLoop(loopId, ended);
    expect(loop.status, loop.error ?? "").toBe("succeeded");
    expect(Object.keys(loop.artifacts).sort()).toEqual([...ARTIFACT_KEYS].sort());
    // Finished stages were not redone: their artifacts are the ones recorded before the cancel.
    for (const key of ["knowledgeVersionId", "benchmarkId", "v1Id", "v1ReportId"]) expect(loop.artifacts[key], key).toBe(atCancel[key]);
    expect(loop.artifacts.trainV1Id).not.toBe(atCancel.trainV1Id);
    // And nothing was made twice, by the resume or by the killed worker's jobs being taken over.
    const mine = { projectId: fx.projectId, createdById: creator(), createdAt: { gte: since } };
    expect(await prisma.benchmark.count({ where: mine })).toBe(1);
    expect(await prisma.datasetVersion.count({ where: mine })).toBe(3);
    expect(await prisma.contaminationReport.count({ where: mine })).toBe(3);
    expect(await prisma.trainingRun.count({ where: mine })).toBe(4);
    expect(await prisma.evaluation.count({ where: mine })).toBe(3);
    expect(await prisma.diagnosisRun.count({ where: mine })).toBe(1);
    const runs = await prisma.trainingRun.findMany({ where: { id: { in: [loop.artifacts.trainV2Id!, loop.artifacts.trainControlId!] } } });
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
    // The kill landed mid-training: the runs were taken over and trained again from the start.
    const restarted = await prisma.trainingLogEntry.count({ where: { runId: { in: runs.map((r) => r.id) }, message: { startsWith: "The previous worker was lost" } } });
    expect(restarted).toBeGreaterThan(0);
    const summary = (loop.timeline.at(-1) as { summary: { accuracy: { v1: number; v2: number; control: number } } }).summary;
    console.log("loop 2 figures", summary.accuracy);
    expect(summary.accuracy.v2).toBeGreaterThan(summary.accuracy.v1);
    expect((await callRoute(resumeRoute.POST, "POST", { token: as("owner"), params: p(loopId) })).status).toBe(409);
  }, 120_000);

  it("lists the loops, newest first", async () => {
    const res = await callRoute(loopsRoute.GET, "GET", { token: as("viewer"), params: p() });
    expect(res.status).toBe(200);
    expect(res.body.loops.map((l: TLoopDto) => [l.number, l.status])).toEqual([[2, "succeeded"], [1, "succeeded"]]);
    expect((await callRoute(loopRoute.GET, "GET", { token: as("viewer"), params: { projectId: fx.projectId, loopId: "nope" } })).status).toBe(404);
  });
});

describe("Redis down", () => {
  it("answers 503 and leaves no loop row", async () => {
    const realRedis = process.env.REDIS_URL;
    await closeProducer();
    process.env.REDIS_URL = "redis://127.0.0.1:1"; // nothing listens on port 1
    try {
      const before = await prisma.loopRun.count({ where: { projectId: fx.projectId } });
      const res = await start({ settings: { reuseKnowledge: true } });
      expect(res.status, res.text).toBe(503);
      expect(await prisma.loopRun.count({ where: { projectId: fx.projectId } })).toBe(before);
    } finally {
      await closeProducer();
      if (realRedis === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = realRedis;
    }
  });
});
