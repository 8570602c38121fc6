// The GPU backends: hf-peft runs the repository's LoRA script, command runs a server-configured
// command template (e.g. llamafactory-cli) on files the studio writes. Both get the dataset as our
// OpenAI chat JSONL in the run's directory, stream the trainer's output into the log and register
// the output directory. Executables, script and base model come from the worker's configuration;
// nothing from a request becomes a path or a command.
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { TrainerFailedError } from "./errors.ts";
import { llamaFactoryConfig, llamaFactoryDatasetInfo } from "./llama-factory.ts";
import { parseTrainerLine } from "./log-lines.ts";
import { runTrainerProcess, trainerEnv } from "./run-process.ts";
import { TRAINER_SPECS, type TCommandHyperparameters, type TLoraHyperparameters } from "./specs.ts";
import type { TTrainerBackend, TTrainerContext } from "./types.ts";
import { writeChatJsonl } from "./write-export.ts";

/** PRODA_HF_BASE_MODEL's value that makes the script build a tiny random model (smoke tests, no download). */
export const TINY_BASE_MODEL = "tiny";

export const COMMAND_PLACEHOLDERS = ["config", "data", "dataset_info", "output_dir", "run_dir", "base_model"] as const;

/** PRODA_TRAIN_COMMAND: a JSON array of arguments; {placeholders} are replaced by paths the studio writes. */
export const ZCommandTemplate = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: 'must be a JSON array of strings, e.g. ["llamafactory-cli","train","{config}"]' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(z.string().min(1))
      .min(1)
      .refine((args) => args.every((a) => [...a.matchAll(/\{(\w+)\}/g)].every((m) => (COMMAND_PLACEHOLDERS as readonly string[]).includes(m[1]!))), {
        message: `placeholders must be among {${COMMAND_PLACEHOLDERS.join("}, {")}}`,
      }),
  );

export interface TProcessTrainerConfig {
  /** The Python with torch, transformers and peft. */
  python: string;
  /** The LoRA script (trainers/hf_peft_train.py, or a stand-in with the same arguments and log). */
  script: string;
  /** A local model directory, or TINY_BASE_MODEL. */
  baseModel: string | null;
  /** The command backend's argument template (already validated by ZCommandTemplate). */
  command: string[] | null;
  env?: NodeJS.ProcessEnv;
}

interface TRunFiles {
  data: string;
  output: string;
}

/** A clean run directory with the training file; a restarted run never trains on a half-written one. */
async function prepare(ctx: TTrainerContext, dataName: string): Promise<TRunFiles> {
  // The directory is removed first: make sure it is the worker's own absolute run directory.
  if (!path.isAbsolute(ctx.workDir) || path.basename(ctx.workDir) !== ctx.run.id) throw new Error(`Unexpected run directory ${ctx.workDir}`);
  await rm(ctx.workDir, { recursive: true, force: true });
  await mkdir(ctx.workDir, { recursive: true });
  const data = path.join(ctx.workDir, dataName);
  const count = await writeChatJsonl(ctx.samples(), data, ctx.signal);
  if (count === 0) throw new TrainerFailedError("The dataset version has no samples to train on.");
  ctx.log({ message: `Wrote ${count} samples for the trainer` });
  return { data, output: path.join(ctx.workDir, "output") };
}

async function runAndCollect(ctx: TTrainerContext, config: TProcessTrainerConfig, command: string, args: string[], output: string) {
  await runTrainerProcess({
    command,
    args,
    cwd: ctx.workDir,
    env: trainerEnv(config.env),
    signal: ctx.signal,
    onLine: (line) => {
      const point = parseTrainerLine(line);
      if (point) ctx.log(point);
    },
  });
  const written = await readdir(output).catch(() => []);
  if (written.length === 0) throw new TrainerFailedError(`The trainer exited successfully but wrote nothing to its output directory`);
  return { artifactPath: output };
}

export function createHfPeftTrainer(config: TProcessTrainerConfig): TTrainerBackend<TLoraHyperparameters> {
  return {
    ...TRAINER_SPECS["hf-peft"],
    async train(ctx, hp) {
      if (!config.baseModel) throw new TrainerFailedError("No base model is configured on this GPU worker: set PRODA_HF_BASE_MODEL to a local model directory.");
      const { data, output } = await prepare(ctx, "train.openai.jsonl");
      const model = config.baseModel === TINY_BASE_MODEL ? ["--tiny-config"] : ["--base-model", config.baseModel];
      const args = [
        config.script, "--data", data, ...model, "--output-dir", output,
        "--epochs", String(hp.epochs), "--learning-rate", String(hp.learningRate), "--batch-size", String(hp.batchSize),
        "--lora-r", String(hp.loraR), "--lora-alpha", String(hp.loraAlpha), "--max-steps", String(hp.maxSteps),
        "--max-length", String(hp.maxLength), "--seed", String(hp.seed),
      ];
      return runAndCollect(ctx, config, config.python, args, output);
    },
  };
}

export function createCommandTrainer(config: TProcessTrainerConfig): TTrainerBackend<TCommandHyperparameters> {
  return {
    ...TRAINER_SPECS.command,
    async train(ctx, hp) {
      if (!config.command) throw new TrainerFailedError("No training command is configured on this GPU worker: set PRODA_TRAIN_COMMAND.");
      if (!config.baseModel) throw new TrainerFailedError("No base model is configured on this GPU worker: set PRODA_HF_BASE_MODEL to a local model directory.");
      const { data, output } = await prepare(ctx, "proda.jsonl");
      const files = {
        config: path.join(ctx.workDir, "train.yaml"),
        data,
        dataset_info: path.join(ctx.workDir, "dataset_info.json"),
        output_dir: output,
        run_dir: ctx.workDir,
        base_model: config.baseModel,
      };
      await writeFile(files.dataset_info, llamaFactoryDatasetInfo(path.basename(data)));
      await writeFile(files.config, llamaFactoryConfig({ baseModel: config.baseModel, datasetDir: ctx.workDir, outputDir: output, hyperparameters: hp }));
      const [command, ...args] = config.command.map((arg) => arg.replace(/\{(\w+)\}/g, (_, name: keyof typeof files) => files[name]));
      return runAndCollect(ctx, config, command!, args, output);
    },
  };
}
