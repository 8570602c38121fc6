// The worker's set of trainer backends, built from its configuration. The web never builds these:
// it reads TRAINER_SPECS to validate and offer runs.
import type { PrismaClient } from "@proda/db";
import { loadProviderSettings } from "../create-provider.ts";
import { createBuiltinStudentTrainer, runStudentInProcess, type TStudentRunner } from "./builtin-student.ts";
import { createOpenAiTrainer } from "./openai-fine-tuning.ts";
import { createCommandTrainer, createHfPeftTrainer, type TProcessTrainerConfig } from "./process-trainers.ts";
import type { TTrainerBackend, TTrainerBackendName } from "./types.ts";

export interface TTrainersConfig extends TProcessTrainerConfig {
  prisma: PrismaClient;
  openAiPollMs: number;
  /** Runs the student off the event loop (the worker's thread runner); in-process by default. */
  runStudent?: TStudentRunner;
}

/** Each backend's `train` takes what its own spec's schema produced from the run's hyperparameters. */
const erase = <H>(backend: TTrainerBackend<H>) => backend as unknown as TTrainerBackend;

export function createTrainers(config: TTrainersConfig): Record<TTrainerBackendName, TTrainerBackend> {
  return {
    "builtin-student": erase(createBuiltinStudentTrainer(config.runStudent ?? runStudentInProcess)),
    openai: erase(createOpenAiTrainer({
      loadSettings: (projectId, providerId) => loadProviderSettings(config.prisma, projectId, providerId),
      pollMs: config.openAiPollMs,
    })),
    "hf-peft": erase(createHfPeftTrainer(config)),
    command: erase(createCommandTrainer(config)),
  };
}
