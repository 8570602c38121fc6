// Training runs end to end on real PostgreSQL, Redis and worker processes: the builtin student on a
// CPU worker (log, stored model), the contamination gate, hyperparameter validation, permissions,
// cancel; OpenAI fine-tuning against the local fake API (events, registered ft model, remote cancel,
// resume after the worker is killed); a GPU worker (WORKER_QUEUES=gpu) running the scripted trainer
// in place of the hf-peft script and of a LLaMA-Factory command (streamed log, adapter, failure with
// stderr, cancel killing the process, a lost worker failing the run); and a run that goes on while
// the web side is gone, its event stream reopened from a seq.
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { readBlob } from "@proda/core/server";
import { getPrisma } from "@proda/db";
import { deserializeStudent } from "@proda/engine";
import { closeProducer, getQueue, LOST_JOB_ERROR, producerConnection, queuePrefix, readHeartbeats } from "@proda/jobs";
import { createTrainers } from "@proda/providers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startFakeFineTuningServer, type TFakeFineTuningServer, type TFakeJobPlan } from "../../../packages/providers/test/fake-fine-tuning-server.ts";
import { createProjectWithRoles } from "../../../prisma/factories/projects.ts";
import { createTrainingDataset, type TTrainingDatasetInput } from "../../../prisma/factories/training.ts";
import { waitForJob } from "../../../prisma/factories/wait-for-job.ts";
import { LOST_WORKER_ERROR, runTraining } from "../../worker/src/training/run-training.ts";
import { startWorker, type WorkerProcess } from "../../worker/test/worker-process.ts";
import * as providers from "../app/api/v1/projects/[projectId]/providers/route.ts";
import * as backends from "../app/api/v1/projects/[projectId]/training-backends/route.ts";
import * as runs from "../app/api/v1/projects/[projectId]/training-runs/route.ts";
import * as runRoute from "../app/api/v1/projects/[projectId]/training-runs/[runId]/route.ts";
import * as logs from "../app/api/v1/projects/[projectId]/training-runs/[runId]/logs/route.ts";
import * as cancel from "../app/api/v1/projects/[projectId]/training-runs/[runId]/cancel/route.ts";
import type { TTrainingLogEntryDto, TTrainingRunDto } from "../src/lib/api-types.ts";
import type { RouteHandler } from "../src/server/route.ts";
import { GPU_WORKER_GONE_ERROR } from "../src/server/training/run-dto.ts";
import { callRoute } from "./call-route.ts";

const EVENTS_ROUTE = "../app/api/v1/projects/[projectId]/training-runs/[runId]/events/route.ts";
const SCRIPTED_TRAINER = path.resolve(import.meta.dirname, "../../worker/test/scripted-trainer.mjs");
const SECRET = "sk-fine-tune-test-5f2a9c7e1b";
const prisma = getPrisma();
process.env.PRODA_QUEUE_PREFIX = `test-${randomBytes(4).toString("hex")}`;
const scratch = mkdtempSync(path.join(tmpdir(), "proda-training-"));
const planFile = path.join(scratch, "plan.json");

// Short locks so that a killed worker's job is redelivered within seconds; fast OpenAI polls; a small
// pause between student batches so a run lasts long enough to be cancelled or watched.
const cpuEnv = { PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX, WORKER_LOCK_MS: "2000", PRODA_TRAIN_POLL_MS: "50", PRODA_STUDENT_STEP_PAUSE_MS: "40" };
const gpuEnv = {
  PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX,
  WORKER_QUEUES: "gpu",
  WORKER_LOCK_MS: "2000",
  PRODA_PYTHON: process.execPath,
  PRODA_HF_PEFT_SCRIPT: SCRIPTED_TRAINER,
  PRODA_HF_BASE_MODEL: "/models/test-base",
  PRODA_TRAIN_COMMAND: JSON.stringify([process.execPath, SCRIPTED_TRAINER, "--llamafactory-config", "{config}"]),
  SCRIPTED_TRAINER_PLAN: planFile,
};

let cpu: WorkerProcess;
let gpu: WorkerProcess | undefined;
let fake: TFakeFineTuningServer;
let fakePlan: TFakeJobPlan = {};
let fx: Awaited<ReturnType<typeof createProjectWithRoles>>;
let projectId: string;
let token: string;

const dataset = (options: Omit<TTrainingDatasetInput, "projectId" | "userId"> = {}) =>
  createTrainingDataset(prisma, { projectId, userId: fx.members.owner.userId, ...options });
const start = (body: Record<string, unknown>, as = token) => callRoute(runs.POST, "POST", { token: as, params: { projectId }, body });
const getRun = async (runId: string): Promise<TTrainingRunDto> => (await callRoute(runRoute.GET, "GET", { token, params: { projectId, runId } })).body.run;
const cancelRun = (runId: string) => callRoute(cancel.POST, "POST", { token, params: { projectId, runId } });

async function finish(runId: string): Promise<TTrainingRunDto> {
  const row = await prisma.trainingRun.findUniqueOrThrow({ where: { id: runId } });
  await waitForJob(prisma, row.jobId!, 60_000);
  return getRun(runId);
}

async function waitUntil<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const lossEntries = (runId: string) => prisma.trainingLogEntry.count({ where: { runId, loss: { not: null } } });
const setScript = (plan: Record<string, unknown>) => writeFileSync(planFile, JSON.stringify(plan));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

interface TSseEvent {
  id?: string;
  event?: string;
  data: unknown;
}

/** Reads Server-Sent Events until `stop` says enough or the stream ends. */
async function readEvents(response: Response, stop: (events: TSseEvent[]) => boolean = () => false): Promise<TSseEvent[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: TSseEvent[] = [];
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = Object.fromEntries(block.split("\n").filter((l) => !l.startsWith(":")).map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 2)]));
      if (fields.data !== undefined) events.push({ id: fields.id, event: fields.event, data: JSON.parse(fields.data) });
    }
    if (stop(events)) {
      await reader.cancel();
      break;
    }
  }
  return events;
}

function openEvents(handler: RouteHandler, runId: string, options: { after?: number; lastEventId?: string; signal?: AbortSignal } = {}) {
  const url = `http://localhost/api/v1/projects/${projectId}/training-runs/${runId}/events${options.after !== undefined ? `?after=${options.after}` : ""}`;
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (options.lastEventId) headers["last-event-id"] = options.lastEventId;
  return handler(new Request(url, { headers, signal: options.signal }), { params: Promise.resolve({ projectId, runId }) });
}

beforeAll(async () => {
  fake = await startFakeFineTuningServer({ requireApiKey: SECRET, plan: () => fakePlan });
  fx = await createProjectWithRoles(prisma, ["owner", "engineer", "viewer"]);
  projectId = fx.project.id;
  token = fx.members.owner.token;
  cpu = await startWorker(cpuEnv);
});

afterAll(async () => {
  await Promise.all([cpu?.stop(), gpu?.stop()]);
  await fake?.close();
  await Promise.all((["cpu", "gpu"] as const).map((q) => getQueue(q).obliterate({ force: true }).catch(() => {})));
  await closeProducer();
});

describe("builtin-student runs", () => {
  it("lists the backends: builtin ready, openai waiting for a key, GPU backends waiting for a GPU worker", async () => {
    const res = await callRoute(backends.GET, "GET", { token, params: { projectId } });
    expect(res.status).toBe(200);
    const by = Object.fromEntries(res.body.backends.map((b: { backend: string }) => [b.backend, b]));
    expect(by["builtin-student"]).toMatchObject({ available: true, reason: null });
    expect(by["builtin-student"].fields.map((f: { name: string }) => f.name)).toEqual(["seed", "batchSize"]);
    expect(by.openai).toMatchObject({ available: false, reason: expect.stringMatching(/API key/) });
    expect(by["hf-peft"]).toMatchObject({ available: false, reason: expect.stringMatching(/No GPU worker/) });
    const { version } = await dataset();
    const refused = await start({ datasetVersionId: version.id, backend: "hf-peft" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/WORKER_QUEUES=gpu/);
  });

  it("trains the student end to end: a falling loss logged per batch, a model that deserialises, registered with its run", async () => {
    const { version, report } = await dataset({ samples: 240 });
    const res = await start({ datasetVersionId: version.id, backend: "builtin-student", hyperparameters: { batchSize: 20, seed: 5 } });
    expect(res.status).toBe(202);
    expect(res.body.run).toMatchObject({ backend: "builtin-student", status: "queued", datasetVersionNumber: version.number, gate: { status: "clean", reportId: report!.id } });
    expect(res.body.run.hyperparameters).toEqual({ batchSize: 20, seed: 5 });
    const run = await finish(res.body.run.id);
    expect(run.status).toBe("succeeded");
    expect([run.step, run.totalSteps]).toEqual([12, 12]);

    const entries = (await callRoute(logs.GET, "GET", { token, params: { projectId, runId: run.id } })).body.entries as TTrainingLogEntryDto[];
    const points = entries.filter((e) => e.loss !== null);
    expect(points.map((e) => e.step)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(points.at(-1)!.loss!).toBeLessThan(points[0]!.loss!);
    expect(run.lastLoss).toBe(points.at(-1)!.loss);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect((await callRoute(logs.GET, "GET", { token, params: { projectId, runId: run.id } })).body.nextAfter).toBeNull();

    const model = await prisma.registeredModel.findUniqueOrThrow({ where: { id: run.modelId! } });
    expect(model).toMatchObject({ backend: "builtin-student", kind: "trained", datasetVersionId: version.id, trainingRunId: run.id, remoteModel: null });
    const student = deserializeStudent((await readBlob(model.artifactPath!)).toString("utf8"));
    expect(student.seed).toBe(5);
    expect(student.memory.units.length).toBeGreaterThan(0);
    const audits = await prisma.auditEvent.findMany({ where: { projectId, targetId: run.id } });
    expect(audits.map((a) => a.action)).toEqual(["training.start"]);
  });

  it("pages the log by seq", async () => {
    const run = await prisma.trainingRun.findFirstOrThrow({ where: { projectId, status: "succeeded" } });
    const all = (await callRoute(logs.GET, "GET", { token, params: { projectId, runId: run.id } })).body.entries as TTrainingLogEntryDto[];
    const req = (after: number, limit: number) =>
      logs.GET(new Request(`http://localhost/x?after=${after}&limit=${limit}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ projectId, runId: run.id }) });
    const page = (await (await req(2, 3)).json()) as { entries: TTrainingLogEntryDto[]; nextAfter: number | null };
    expect(page.entries.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(page.nextAfter).toBe(5);
    expect(all.length).toBeGreaterThan(5);
  });

  it("passes only through the contamination gate: frozen with a passed or overridden report", async () => {
    const before = await prisma.trainingRun.count({ where: { projectId } });
    const notFrozen = await start({ datasetVersionId: (await dataset({ frozen: false, report: null })).version.id, backend: "builtin-student" });
    expect(notFrozen.status).toBe(409);
    expect(notFrozen.body.error.message).toMatch(/not frozen/);
    const blocked = await start({ datasetVersionId: (await dataset({ report: "blocked" })).version.id, backend: "builtin-student" });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toMatch(/blocked/);
    const checking = await start({ datasetVersionId: (await dataset({ report: "running" })).version.id, backend: "builtin-student" });
    expect(checking.status).toBe(409);
    expect(checking.body.error.message).toMatch(/still running/);
    expect(await prisma.trainingRun.count({ where: { projectId } })).toBe(before);

    const overridden = await dataset({ report: "overridden", overrideReason: "Shared definitions, reviewed by the owner", samples: 40 });
    const res = await start({ datasetVersionId: overridden.version.id, backend: "builtin-student", hyperparameters: { batchSize: 20 } });
    expect(res.status).toBe(202);
    expect(res.body.run.gate).toEqual({ status: "overridden", reportId: overridden.report!.id, reason: "Shared definitions, reviewed by the owner", by: "owner" });
    expect((await finish(res.body.run.id)).status).toBe("succeeded");
  });

  it("validates hyperparameters per backend and checks roles", async () => {
    const { version } = await dataset({ samples: 10 });
    const bad = await start({ datasetVersionId: version.id, backend: "builtin-student", hyperparameters: { batchSize: 0, learningRate: 0.1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fieldErrors.batchSize).toBeDefined();
    expect(bad.body.error.details.formErrors.join()).toMatch(/learningRate/);
    expect((await start({ datasetVersionId: version.id, backend: "openai", hyperparameters: { n_epochs: 0 } })).status).toBe(400);
    expect((await start({ datasetVersionId: version.id, backend: "builtin-student", baseModelId: "x" })).status).toBe(400);
    expect((await start({ datasetVersionId: version.id, backend: "pytorch-lightning" })).status).toBe(400);
    expect((await start({ datasetVersionId: "nope", backend: "builtin-student" })).status).toBe(404);
    expect((await start({ datasetVersionId: version.id, backend: "builtin-student" }, fx.members.viewer.token)).status).toBe(403);
    const viewerRead = await callRoute(runs.GET, "GET", { token: fx.members.viewer.token, params: { projectId } });
    expect(viewerRead.status).toBe(200);
    expect(viewerRead.body.runs.length).toBeGreaterThan(0);
  });

  it("cancels a running student between batches", async () => {
    const { version } = await dataset({ samples: 400 });
    const res = await start({ datasetVersionId: version.id, backend: "builtin-student", hyperparameters: { batchSize: 1 } }, fx.members.engineer.token);
    expect(res.status).toBe(202);
    const runId = res.body.run.id as string;
    await waitUntil("three logged batches", async () => (await lossEntries(runId)) >= 3);
    const cancelled = await cancelRun(runId);
    expect(cancelled.status).toBe(200);
    const run = await finish(runId);
    expect(run.status).toBe("cancelled");
    expect(run.modelId).toBeNull();
    expect(await lossEntries(runId)).toBeLessThan(400);
    expect((await prisma.job.findUniqueOrThrow({ where: { id: run.jobId! } })).status).toBe("cancelled");
    expect((await cancelRun(runId)).status).toBe(409);
    expect(await prisma.auditEvent.count({ where: { targetId: runId, action: "training.cancel" } })).toBe(1);
  });

  it("shows a run whose job the queue lost as failed, with the reason", async () => {
    const { version, report } = await dataset({ samples: 5 });
    const job = await prisma.job.create({ data: { kind: "training.run", queue: "cpu", payload: {}, projectId, status: "running" } });
    const row = await prisma.trainingRun.create({
      data: { projectId, number: 999, backend: "builtin-student", datasetVersionId: version.id, hyperparameters: {}, gate: { status: "clean", reportId: report!.id }, jobId: job.id, status: "running" },
    });
    const run = await getRun(row.id);
    expect(run).toMatchObject({ status: "failed", error: LOST_JOB_ERROR });
  });
});

describe("openai fine-tuning against the fake API", () => {
  let providerId: string;

  beforeAll(async () => {
    const created = await callRoute(providers.POST, "POST", {
      token, params: { projectId },
      body: { name: "fake-openai", kind: "openai-compatible", baseUrl: fake.baseUrl, model: "gpt-fake-mini", secret: SECRET },
    });
    expect(created.status).toBe(201);
    providerId = created.body.provider.id;
  });

  it("uploads the dataset, logs the job's events and registers the fine-tuned model", async () => {
    fakePlan = { steps: 3 };
    const listed = await callRoute(backends.GET, "GET", { token, params: { projectId } });
    expect(listed.body.backends.find((b: { backend: string }) => b.backend === "openai")).toMatchObject({ available: true });
    const { version } = await dataset({ samples: 30 });
    const res = await start({ datasetVersionId: version.id, backend: "openai", providerId, hyperparameters: { n_epochs: 2, learning_rate_multiplier: 0.5 } });
    expect(res.status).toBe(202);
    const run = await finish(res.body.run.id);
    expect(run).toMatchObject({ status: "succeeded", step: 3, totalSteps: 3 });
    const row = await prisma.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
    const job = fake.stats.jobs.get(row.remoteJobId!)!;
    expect(job.body.model).toBe("gpt-fake-mini");
    expect(job.body.method).toEqual({ type: "supervised", supervised: { hyperparameters: { n_epochs: 2, batch_size: "auto", learning_rate_multiplier: 0.5 } } });
    const upload = fake.stats.uploads.find((u) => u.id === job.trainingFile)!;
    expect(upload.rows).toHaveLength(30);
    expect(upload.rows.every((r) => Object.keys(r as object).join() === "messages")).toBe(true);

    const entries = await prisma.trainingLogEntry.findMany({ where: { runId: run.id }, orderBy: { seq: "asc" } });
    expect(entries.map((e) => e.message)).toEqual(job.events.map((e) => e.message));
    expect(entries.filter((e) => e.loss !== null).map((e) => [e.step, e.loss])).toEqual([[1, 2], [2, 1], [3, 2 / 3]]);
    const model = await prisma.registeredModel.findUniqueOrThrow({ where: { id: run.modelId! } });
    expect(model).toMatchObject({ backend: "openai", kind: "trained", providerId, remoteModel: job.fineTunedModel, artifactPath: null });
    expect(model.remoteModel).toMatch(/^ft:gpt-fake-mini:/);
    const base = await prisma.registeredModel.findUniqueOrThrow({ where: { id: run.baseModelId! } });
    expect(base).toMatchObject({ kind: "base", backend: "openai", providerId, remoteModel: "gpt-fake-mini" });
    // The key went to the endpoint, and nowhere into the run.
    expect(fake.stats.authorizations.has(`Bearer ${SECRET}`)).toBe(true);
    expect(JSON.stringify({ run, entries })).not.toContain(SECRET);
  });

  it("cancels the remote job when the run is cancelled", async () => {
    fakePlan = { steps: 100_000 };
    const { version } = await dataset({ samples: 10 });
    const res = await start({ datasetVersionId: version.id, backend: "openai", hyperparameters: {} });
    expect(res.status).toBe(202);
    const runId = res.body.run.id as string;
    await waitUntil("a metrics event", async () => (await lossEntries(runId)) >= 1);
    expect((await cancelRun(runId)).status).toBe(200);
    const run = await finish(runId);
    expect(run.status).toBe("cancelled");
    const row = await prisma.trainingRun.findUniqueOrThrow({ where: { id: runId } });
    expect(fake.stats.cancelled).toContain(row.remoteJobId);
  });
});

describe("GPU worker", () => {
  beforeAll(async () => {
    gpu = await startWorker(gpuEnv);
  });

  it("runs the hf-peft trainer: arguments from the worker's configuration, the log streamed, the adapter registered", async () => {
    setScript({ steps: 6, delayMs: 20 });
    const { version } = await dataset({ samples: 25 });
    const res = await start({ datasetVersionId: version.id, backend: "hf-peft", hyperparameters: { epochs: 1, loraR: 4 } });
    expect(res.status).toBe(202);
    expect((await prisma.job.findUniqueOrThrow({ where: { id: res.body.run.jobId } })).queue).toBe("gpu");
    const run = await finish(res.body.run.id);
    expect(run).toMatchObject({ status: "succeeded", step: 6, totalSteps: 6, lastLoss: 2 / 6 });
    expect(run.lastLearningRate).toBeCloseTo(2e-4 * (1 - 5 / 6));
    const entries = await prisma.trainingLogEntry.findMany({ where: { runId: run.id }, orderBy: { seq: "asc" } });
    const messages = entries.flatMap((e) => (e.message ? [e.message] : []));
    expect(messages).toContain("read 25 samples; epochs=1 lr=0.0002 lora_r=4 lora_alpha=16 model=/models/test-base");
    expect(messages).toContain("Loading the base model (scripted)");
    expect(entries.filter((e) => e.loss !== null).map((e) => e.step)).toEqual([1, 2, 3, 4, 5, 6]);
    const model = await prisma.registeredModel.findUniqueOrThrow({ where: { id: run.modelId! } });
    expect(model).toMatchObject({ backend: "hf-peft", kind: "trained", datasetVersionId: version.id });
    expect(model.artifactPath).toBe(path.join(process.env.PRODA_DATA_DIR!, "training", run.id, "output"));
    expect(readFileSync(path.join(model.artifactPath!, "adapter_model.safetensors"), "utf8")).toBe("scripted adapter weights");
  });

  it("runs the configured command on the LLaMA-Factory files it writes", async () => {
    setScript({ steps: 3 });
    const { version } = await dataset({ samples: 12 });
    const res = await start({ datasetVersionId: version.id, backend: "command", hyperparameters: { template: "qwen", epochs: 2 } });
    expect(res.status).toBe(202);
    const run = await finish(res.body.run.id);
    expect(run.status).toBe("succeeded");
    const messages = (await prisma.trainingLogEntry.findMany({ where: { runId: run.id } })).map((e) => e.message);
    expect(messages).toContain("read 12 samples; epochs=2 lr=0.0002 lora_r=8 template=qwen model=/models/test-base");
    expect((await prisma.registeredModel.findUniqueOrThrow({ where: { id: run.modelId! } })).backend).toBe("command");
  });

  it("fails a run whose trainer exits with an error, with the exit code and its last stderr lines", async () => {
    setScript({ steps: 5, failAt: 3 });
    const { version } = await dataset({ samples: 5 });
    const res = await start({ datasetVersionId: version.id, backend: "hf-peft" });
    const run = await finish(res.body.run.id);
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/exited with code 3:[\s\S]*Traceback[\s\S]*CUDA out of memory \(scripted\)/);
    expect(run.modelId).toBeNull();
    expect((await prisma.job.findUniqueOrThrow({ where: { id: run.jobId! } })).error).toBe(run.error);
  });

  it("fails a GPU run that a redelivered job finds already running: a trainer process cannot be re-attached", async () => {
    const { version, report } = await dataset({ samples: 5 });
    const job = await prisma.job.create({ data: { kind: "training.gpu", queue: "gpu", payload: {}, projectId, status: "running" } });
    const row = await prisma.trainingRun.create({
      data: { projectId, number: 998, backend: "hf-peft", datasetVersionId: version.id, hyperparameters: {}, gate: { status: "clean", reportId: report!.id }, jobId: job.id, status: "running", startedAt: new Date() },
    });
    const trainers = createTrainers({ prisma, openAiPollMs: 10, python: "python3", script: "unused", baseModel: null, command: null });
    const ctx = { jobId: job.id, payload: { projectId, runId: row.id }, prisma, progress: async () => {} } as unknown as Parameters<typeof runTraining>[0];
    await expect(runTraining(ctx, "gpu", trainers)).rejects.toThrow(LOST_WORKER_ERROR);
    expect(await getRun(row.id)).toMatchObject({ status: "failed", error: LOST_WORKER_ERROR });
  });

  it("cancel kills the trainer process", async () => {
    const pidFile = path.join(scratch, "cancel.pid");
    setScript({ steps: 100_000, delayMs: 30, pidFile });
    const { version } = await dataset({ samples: 5 });
    const res = await start({ datasetVersionId: version.id, backend: "hf-peft" });
    const runId = res.body.run.id as string;
    await waitUntil("two logged steps", async () => (await lossEntries(runId)) >= 2);
    const pid = Number(readFileSync(pidFile, "utf8"));
    expect(alive(pid)).toBe(true);
    expect((await cancelRun(runId)).status).toBe(200);
    const run = await finish(runId);
    expect(run.status).toBe("cancelled");
    await waitUntil("the trainer to exit", async () => !alive(pid), 5000);
    expect(existsSync(path.join(process.env.PRODA_DATA_DIR!, "training", runId, "output"))).toBe(false);
  });
});

describe("runs outlive their worker and the web side", () => {
  it("resumes the OpenAI job after its worker is killed, fails the GPU run once no GPU worker is left, and the event stream replays from a seq", async () => {
    fakePlan = { steps: 80 };
    const pidFile = path.join(scratch, "lost.pid");
    setScript({ steps: 100_000, delayMs: 30, pidFile });
    const remote = await start({ datasetVersionId: (await dataset({ samples: 10 })).version.id, backend: "openai" });
    const local = await start({ datasetVersionId: (await dataset({ samples: 10 })).version.id, backend: "hf-peft" });
    const [remoteId, localId] = [remote.body.run.id as string, local.body.run.id as string];

    // A browser watches the OpenAI run, then goes away.
    let events = (await import(EVENTS_ROUTE)) as { GET: RouteHandler };
    const browser = new AbortController();
    const seen = await readEvents(await openEvents(events.GET, remoteId, { signal: browser.signal }), (e) => e.filter((x) => x.event === "log").length >= 4);
    browser.abort();
    const lastSeen = Number(seen.filter((e) => e.event === "log").at(-1)!.id);
    await waitUntil("the GPU trainer", async () => existsSync(pidFile) && (await lossEntries(localId)) >= 1);
    const uploads = fake.stats.uploads.length;
    expect((await prisma.trainingRun.findUniqueOrThrow({ where: { id: remoteId } })).status).toBe("running");

    // Both workers die mid-run, and so does the web process's state: only the database remains.
    await Promise.all([cpu.stop("SIGKILL"), gpu!.stop("SIGKILL")]);
    const orphan = Number(readFileSync(pidFile, "utf8"));
    if (alive(orphan)) process.kill(orphan, "SIGKILL"); // a SIGKILLed worker cannot take its trainer along
    // Its heartbeat expires (15 s); expire it now. With no GPU worker left, reading the run fails it.
    const beats = await readHeartbeats(producerConnection());
    for (const beat of beats.filter((b) => b.queues.includes("gpu"))) await producerConnection().del(`${queuePrefix()}:worker:${beat.id}`);
    expect(await getRun(localId)).toMatchObject({ status: "failed", error: GPU_WORKER_GONE_ERROR });
    await closeProducer();
    vi.resetModules();
    events = (await import(EVENTS_ROUTE)) as { GET: RouteHandler };
    [cpu, gpu] = await Promise.all([startWorker(cpuEnv), startWorker(gpuEnv)]);

    const replay = await readEvents(await openEvents(events.GET, remoteId, { after: lastSeen }));
    const replayed = replay.filter((e) => e.event === "log").map((e) => (e.data as TTrainingLogEntryDto).seq);
    const final = replay.filter((e) => e.event === "run").at(-1)!.data as TTrainingRunDto;
    expect(final.status).toBe("succeeded");
    expect(replayed[0]).toBe(lastSeen + 1);
    expect(replayed).toEqual(replayed.map((_, i) => lastSeen + 1 + i));

    const row = await prisma.trainingRun.findUniqueOrThrow({ where: { id: remoteId } });
    const job = fake.stats.jobs.get(row.remoteJobId!)!;
    expect(fake.stats.uploads.length).toBe(uploads); // resumed, not started again
    const stored = await prisma.trainingLogEntry.findMany({ where: { runId: remoteId }, orderBy: { seq: "asc" } });
    expect(stored.map((e) => e.message)).toEqual(job.events.map((e) => e.message));
    expect(replayed.at(-1)).toBe(stored.at(-1)!.seq);
    expect(final.modelId).not.toBeNull();

    // Reconnecting with Last-Event-ID gets only what came after it.
    const tail = await readEvents(await openEvents(events.GET, remoteId, { lastEventId: String(stored.at(-2)!.seq) }));
    expect(tail.filter((e) => e.event === "log").map((e) => (e.data as TTrainingLogEntryDto).seq)).toEqual([stored.at(-1)!.seq]);

    // The new GPU worker receives the stalled job and leaves the failed run as it is.
    const lostJob = await prisma.job.findUniqueOrThrow({ where: { id: (await prisma.trainingRun.findUniqueOrThrow({ where: { id: localId } })).jobId! } });
    expect(lostJob).toMatchObject({ status: "failed", error: GPU_WORKER_GONE_ERROR });
    expect(await getRun(localId)).toMatchObject({ status: "failed", error: GPU_WORKER_GONE_ERROR, modelId: null });
  });
});

describe("with Redis down", () => {
  it("answers 503 to a new run and leaves no run row", async () => {
    const { version } = await dataset({ samples: 5 });
    const before = await prisma.trainingRun.count({ where: { projectId } });
    const realRedis = process.env.REDIS_URL;
    await closeProducer();
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    try {
      const res = await start({ datasetVersionId: version.id, backend: "builtin-student" });
      expect(res.status).toBe(503);
      expect(await prisma.trainingRun.count({ where: { projectId } })).toBe(before);
    } finally {
      await closeProducer();
      // Assigning undefined would set the string "undefined".
      if (realRedis === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = realRedis;
    }
  });
});
