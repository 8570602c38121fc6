// Each backend's hyperparameters, declared once: the same declaration yields the zod schema that
// validates a request (strict: an unknown name is an error, not silently ignored) and the field list
// the launch form renders.
import { z } from "zod";
import type { TTrainerField, TTrainerSpec } from "./types.ts";

interface TFieldDef {
  field: TTrainerField;
  schema: z.ZodType;
}

const int = (name: string, def: number, min: number, max: number, help: string): TFieldDef => ({
  field: { name, type: "int", default: def, min, max, help },
  schema: z.number().int().min(min).max(max).default(def),
});

const num = (name: string, def: number, min: number, max: number, help: string): TFieldDef => ({
  field: { name, type: "number", default: def, min, max, help },
  schema: z.number().min(min).max(max).default(def),
});

/** A value the remote backend chooses itself when left empty (sent as "auto"). */
const auto = (name: string, type: "int" | "number", min: number, max: number, help: string): TFieldDef => ({
  field: { name, type, default: null, min, max, help: `${help} Empty: chosen by the backend.` },
  schema: (type === "int" ? z.number().int() : z.number()).min(min).max(max).nullable().default(null),
});

function fieldsOf(defs: TFieldDef[]) {
  const shape = Object.fromEntries(defs.map((d) => [d.field.name, d.schema]));
  return { hyperparameters: z.strictObject(shape), fields: defs.map((d) => d.field) };
}

const SEED_MAX = 2_147_483_647;

const student = fieldsOf([
  int("seed", 1, 0, SEED_MAX, "Seeds the student's tie-breaking draws: the same data and seed give the same model."),
  int("batchSize", 200, 1, 100_000, "Samples learned per step; the loss of each batch is measured before it is learned."),
]);

const openai = fieldsOf([
  auto("n_epochs", "int", 1, 50, "Passes over the training file."),
  auto("batch_size", "int", 1, 256, "Examples per gradient step."),
  auto("learning_rate_multiplier", "number", 0.01, 10, "Scales the base learning rate."),
]);

// The GPU backends share the LoRA recipe; the LLaMA-Factory command also takes a chat template name.
const lora = [
  int("epochs", 3, 1, 100, "Passes over the dataset."),
  num("learningRate", 2e-4, 1e-7, 1, "Peak learning rate (linear decay after warm-up)."),
  int("batchSize", 4, 1, 512, "Sequences per optimiser step."),
  int("loraR", 8, 1, 256, "LoRA rank."),
  int("loraAlpha", 16, 1, 1024, "LoRA scaling (alpha)."),
  int("maxSteps", 0, 0, 1_000_000, "Stop after this many optimiser steps; 0 means run all epochs."),
  int("maxLength", 1024, 16, 32_768, "Tokens per sequence; longer samples are cut."),
  int("seed", 42, 0, SEED_MAX, "Random seed of data order and LoRA initialisation."),
];
const hfPeft = fieldsOf(lora);
const command = fieldsOf([
  ...lora,
  {
    field: { name: "template", type: "string", default: "default", help: "LLaMA-Factory chat template matching the base model (e.g. qwen, llama3)." },
    // A name written into the generated YAML, never a path or a command.
    schema: z.string().regex(/^[a-z0-9_.-]{1,40}$/, "letters, digits, _ . - (at most 40)").default("default"),
  },
]);

export const TRAINER_SPECS = {
  "builtin-student": {
    name: "builtin-student", label: "Builtin student (CPU, offline)", queue: "cpu", usesBaseModel: false, onLostWorker: "restart", ...student,
  },
  openai: { name: "openai", label: "OpenAI fine-tuning", queue: "cpu", usesBaseModel: true, onLostWorker: "resume", ...openai },
  "hf-peft": { name: "hf-peft", label: "Hugging Face PEFT LoRA (GPU worker)", queue: "gpu", usesBaseModel: false, onLostWorker: "fail", ...hfPeft },
  command: { name: "command", label: "Configured command, e.g. LLaMA-Factory (GPU worker)", queue: "gpu", usesBaseModel: false, onLostWorker: "fail", ...command },
} satisfies Record<string, TTrainerSpec>;

export type TStudentHyperparameters = { seed: number; batchSize: number };
export type TOpenAiHyperparameters = { n_epochs: number | null; batch_size: number | null; learning_rate_multiplier: number | null };
export type TLoraHyperparameters = {
  epochs: number; learningRate: number; batchSize: number; loraR: number; loraAlpha: number; maxSteps: number; maxLength: number; seed: number;
};
export type TCommandHyperparameters = TLoraHyperparameters & { template: string };
