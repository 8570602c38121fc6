// The trainer backends without a database or a queue: hyperparameter specs, the log-line parser, the
// builtin student from paged samples to a stored model, the OpenAI fine-tuning backend against the
// local fake API (upload, job, events, resume by job id, cancel, failure), the command backend's
// generated LLaMA-Factory files and the process runner's failure reports.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLogger, readBlob } from "@proda/core/server";
import { deserializeStudent } from "@proda/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticTrainingSamples } from "../../../prisma/factories/training.ts";
import {
  TRAINER_SPECS, TrainerCancelledError, TrainerFailedError, ZCommandTemplate, ZProviderSettings, createBuiltinStudentTrainer, createOpenAiTrainer,
  createTrainers, parseTrainerLine, trainerEnv, type TTrainerContext, type TTrainerLogPoint, type TTrainerRun, type TTrainerSample,
} from "../src/index.ts";
import { startFakeFineTuningServer, type TFakeFineTuningServer } from "./fake-fine-tuning-server.ts";

const SCRIPTED_TRAINER = path.resolve(import.meta.dirname, "../../../apps/worker/test/scripted-trainer.mjs");
const SECRET = "sk-trainer-test-0123456789abcdef";
const root = mkdtempSync(path.join(tmpdir(), "proda-trainers-"));
process.env.PRODA_DATA_DIR = path.join(root, "data");

function makeContext(samples: TTrainerSample[], run: Partial<TTrainerRun> = {}) {
  const logged: TTrainerLogPoint[] = [];
  const controller = new AbortController();
  const saved: string[] = [];
  const id = run.id ?? `run-${Math.random().toString(36).slice(2, 8)}`;
  const ctx: TTrainerContext = {
    run: { id, projectId: "project", number: 7, datasetVersionId: "dataset", baseModel: null, remoteJobId: null, loggedEntries: 0, ...run },
    async *samples() {
      for (let i = 0; i < samples.length; i += 50) yield samples.slice(i, i + 50);
    },
    log: (point) => logged.push(point),
    saveRemoteJobId: async (remoteJobId) => void saved.push(remoteJobId),
    signal: controller.signal,
    workDir: path.join(root, "training", id),
    logger: createLogger("test"),
  };
  return { ctx, logged, controller, saved };
}

describe("hyperparameter specs", () => {
  it("fill defaults, enforce bounds and refuse unknown names", () => {
    expect(TRAINER_SPECS["builtin-student"].hyperparameters.parse({})).toEqual({ seed: 1, batchSize: 200 });
    expect(TRAINER_SPECS.openai.hyperparameters.parse({ n_epochs: 2 })).toEqual({ n_epochs: 2, batch_size: null, learning_rate_multiplier: null });
    expect(TRAINER_SPECS["builtin-student"].hyperparameters.safeParse({ batchSize: 0 }).success).toBe(false);
    expect(TRAINER_SPECS["builtin-student"].hyperparameters.safeParse({ batchSize: 2.5 }).success).toBe(false);
    expect(TRAINER_SPECS.openai.hyperparameters.safeParse({ epochs: 3 }).success).toBe(false);
    expect(TRAINER_SPECS["hf-peft"].hyperparameters.safeParse({ learningRate: 5 }).success).toBe(false);
    expect(TRAINER_SPECS.command.hyperparameters.safeParse({ template: "../../etc" }).success).toBe(false);
    for (const spec of Object.values(TRAINER_SPECS)) {
      const defaults = spec.hyperparameters.parse({});
      expect(spec.fields.map((f) => f.name).sort()).toEqual(Object.keys(defaults).sort());
      for (const field of spec.fields) expect(defaults[field.name]).toEqual(field.default);
    }
  });

  it("accept a command template only as a JSON array with known placeholders", () => {
    expect(ZCommandTemplate.parse('["llamafactory-cli","train","{config}"]')).toEqual(["llamafactory-cli", "train", "{config}"]);
    expect(ZCommandTemplate.safeParse("llamafactory-cli train {config}").success).toBe(false);
    expect(ZCommandTemplate.safeParse('["trainer","{request_path}"]').success).toBe(false);
  });
});

describe("trainer log lines", () => {
  it("reads our JSON lines, other trainers' names, Hugging Face dicts and plain text", () => {
    expect(parseTrainerLine('{"step": 3, "epoch": 0.5, "loss": 1.25, "learning_rate": 0.0002, "total_steps": 9}')).toEqual({
      step: 3, epoch: 0.5, loss: 1.25, learningRate: 0.0002, totalSteps: 9,
    });
    expect(parseTrainerLine('{"current_steps": 4, "total_steps": 10, "loss": 0.9, "lr": 1e-4, "epoch": 0.4, "percentage": 40}')).toMatchObject({ step: 4, loss: 0.9, learningRate: 1e-4 });
    expect(parseTrainerLine("{'loss': 1.5, 'grad_norm': 0.8, 'learning_rate': 2e-05, 'epoch': 0.1}")).toEqual({ loss: 1.5, learningRate: 2e-5, epoch: 0.1 });
    expect(parseTrainerLine('{"loss": NaN}')).toEqual({ message: '{"loss": NaN}' });
    expect(parseTrainerLine(" 10%|#         | 1/10\r 20%|##        | 2/10 ")).toEqual({ message: "20%|##        | 2/10" });
    expect(parseTrainerLine("   ")).toBeNull();
  });
});

describe("builtin-student backend", () => {
  it("trains on the pages, logs a falling prequential loss and stores a model that deserialises", async () => {
    const samples = syntheticTrainingSamples(240);
    const { ctx, logged } = makeContext(samples);
    const trained = await createBuiltinStudentTrainer().train(ctx, { seed: 3, batchSize: 20 });
    const points = logged.filter((p) => p.loss !== undefined);
    expect(points.map((p) => p.step)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(points.at(-1)!.loss!).toBeLessThan(points[0]!.loss!);
    expect(points.at(-1)!.epoch).toBe(1);
    const model = deserializeStudent((await readBlob(trained.artifactPath!)).toString("utf8"));
    expect(model.seed).toBe(3);
    expect(model.memory.units.length).toBeGreaterThan(0);
  });

  it("stops between batches when cancelled", async () => {
    const { ctx, controller } = makeContext(syntheticTrainingSamples(100));
    controller.abort();
    await expect(createBuiltinStudentTrainer().train(ctx, { seed: 1, batchSize: 10 })).rejects.toBeInstanceOf(TrainerCancelledError);
  });
});

describe("openai backend against the fake fine-tuning API", () => {
  let fake: TFakeFineTuningServer;
  let failWith: string | undefined;
  let steps = 3;
  const settings = () =>
    ({ ...ZProviderSettings.parse({ id: "prov-1", name: "fake", kind: "openai-compatible", baseUrl: fake.baseUrl, model: "gpt-fake" }), apiKey: SECRET });
  const trainer = () => createOpenAiTrainer({ loadSettings: async () => settings(), pollMs: 5 });
  const base = { id: "base-1", providerId: "prov-1", remoteModel: "gpt-fake-mini" };

  beforeAll(async () => {
    fake = await startFakeFineTuningServer({ requireApiKey: SECRET, plan: () => ({ steps, failWith }) });
  });
  afterAll(async () => {
    await fake.close();
  });

  it("uploads messages-only JSONL, creates the job with the hyperparameters, logs its events and returns the ft model", async () => {
    const { ctx, logged, saved } = makeContext(syntheticTrainingSamples(60), { baseModel: base });
    const trained = await trainer().train(ctx, { n_epochs: 2, batch_size: null, learning_rate_multiplier: 0.5 });
    expect(trained.remoteModel).toMatch(/^ft:gpt-fake-mini:proda:proda-run-7:/);
    expect(trained.providerId).toBe("prov-1");
    const upload = fake.stats.uploads.at(-1)!;
    expect(upload.purpose).toBe("fine-tune");
    expect(upload.rows).toHaveLength(60);
    expect(upload.rows.every((r) => Object.keys(r as object).join() === "messages")).toBe(true);
    const job = fake.stats.jobs.get(saved[0]!)!;
    expect(job.body.method).toEqual({ type: "supervised", supervised: { hyperparameters: { n_epochs: 2, batch_size: "auto", learning_rate_multiplier: 0.5 } } });
    expect(logged.map((p) => p.message)).toEqual(job.events.map((e) => e.message));
    expect(logged.filter((p) => p.loss != null).map((p) => p.step)).toEqual([1, 2, 3]);
    expect(logged.find((p) => p.step === 3)).toMatchObject({ totalSteps: 3, loss: 2 / 3 });
  });

  it("resumes a job by its id without a new upload, skipping the events the run already stored", async () => {
    const first = makeContext(syntheticTrainingSamples(10), { baseModel: base });
    await trainer().train(first.ctx, { n_epochs: null, batch_size: null, learning_rate_multiplier: null });
    const uploads = fake.stats.uploads.length;
    const jobs = fake.stats.jobs.size;
    const resumed = makeContext([], { baseModel: base, remoteJobId: first.saved[0]!, loggedEntries: 4 });
    const trained = await trainer().train(resumed.ctx, { n_epochs: null, batch_size: null, learning_rate_multiplier: null });
    expect(trained.remoteModel).toMatch(/^ft:/);
    expect([fake.stats.uploads.length, fake.stats.jobs.size]).toEqual([uploads, jobs]);
    expect(resumed.logged).toEqual(first.logged.slice(4));
  });

  it("cancels the remote job when the run is cancelled", async () => {
    steps = 1000;
    const { ctx, logged, controller, saved } = makeContext(syntheticTrainingSamples(10), { baseModel: base });
    const training = trainer().train(ctx, { n_epochs: null, batch_size: null, learning_rate_multiplier: null });
    while (!logged.some((p) => p.loss != null)) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(training).rejects.toBeInstanceOf(TrainerCancelledError);
    expect(fake.stats.cancelled).toContain(saved[0]);
    steps = 3;
  });

  it("fails with the job's error, the key redacted", async () => {
    failWith = `Training file rejected for key ${SECRET}`;
    const { ctx } = makeContext(syntheticTrainingSamples(10), { baseModel: base });
    const error = await trainer().train(ctx, { n_epochs: null, batch_size: null, learning_rate_multiplier: null }).catch((e: unknown) => e);
    failWith = undefined;
    expect(error).toBeInstanceOf(TrainerFailedError);
    expect((error as Error).message).toMatch(/fine-tuning job failed: Training file rejected/);
    expect((error as Error).message).not.toContain(SECRET);
  });
});

describe("process backends", () => {
  const plan = path.join(root, "plan.json");
  const trainers = (overrides: { command?: string[] | null; baseModel?: string | null } = {}) =>
    createTrainers({
      prisma: undefined as never,
      openAiPollMs: 10,
      python: process.execPath,
      script: SCRIPTED_TRAINER,
      baseModel: "baseModel" in overrides ? overrides.baseModel! : "/models/base",
      command: overrides.command ?? [process.execPath, SCRIPTED_TRAINER, "--llamafactory-config", "{config}"],
      env: { ...process.env, SCRIPTED_TRAINER_PLAN: plan },
    });
  const lora = TRAINER_SPECS.command.hyperparameters.parse({ epochs: 2, loraR: 4, template: "qwen" });

  it("command: writes the LLaMA-Factory YAML and dataset_info for our export and streams the log", async () => {
    writeFileSync(plan, JSON.stringify({ steps: 4 }));
    const { ctx, logged } = makeContext(syntheticTrainingSamples(30));
    const trained = await trainers().command.train(ctx, lora);
    expect(trained.artifactPath).toBe(path.join(ctx.workDir, "output"));
    expect(JSON.parse(await readFile(path.join(trained.artifactPath!, "adapter_config.json"), "utf8"))).toMatchObject({ peft_type: "LORA" });
    const yaml = readFileSync(path.join(ctx.workDir, "train.yaml"), "utf8");
    expect(yaml).toContain('template: "qwen"');
    expect(yaml).toContain(`dataset_dir: ${JSON.stringify(ctx.workDir)}`);
    expect(logged.map((p) => p.message).filter(Boolean)).toContain("read 30 samples; epochs=2 lr=0.0002 lora_r=4 template=qwen model=/models/base");
    expect(logged.filter((p) => p.loss != null).map((p) => p.step)).toEqual([1, 2, 3, 4]);
  });

  it("fails with the exit code and the trainer's last stderr lines; an unconfigured worker says what to set", async () => {
    writeFileSync(plan, JSON.stringify({ steps: 4, failAt: 2 }));
    const { ctx } = makeContext(syntheticTrainingSamples(10));
    const error = await trainers()["hf-peft"].train(ctx, lora).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainerFailedError);
    expect((error as Error).message).toMatch(/exited with code 3:[\s\S]*CUDA out of memory \(scripted\)/);
    await expect(trainers({ baseModel: null })["hf-peft"].train(makeContext([]).ctx, lora)).rejects.toThrow(/PRODA_HF_BASE_MODEL/);
    await expect(trainers({ command: ["/nonexistent/trainer"] }).command.train(makeContext(syntheticTrainingSamples(3)).ctx, lora)).rejects.toThrow(
      /Could not start the trainer "\/nonexistent\/trainer"/,
    );
  });

  it("gives the trainer no database, queue or studio settings", () => {
    const env = trainerEnv({ PATH: "/bin", DATABASE_URL: "postgres://x", REDIS_URL: "redis://x", PRODA_SECRET_KEY: "k", HF_HOME: "/hf" });
    expect(env).toEqual({ PATH: "/bin", HF_HOME: "/hf", PYTHONUNBUFFERED: "1" });
  });
});
