// The trainer backends of this worker process, from its validated environment: built once, shared
// by both training processors.
import path from "node:path";
import { createTrainers, type TTrainerBackend, type TTrainerBackendName } from "@proda/providers";
import type { JobContext } from "../job-context.ts";
import { createThreadStudentRunner } from "./run-student-thread.ts";

const HF_PEFT_SCRIPT = path.resolve(import.meta.dirname, "../../../../trainers/hf_peft_train.py");

let trainers: Record<TTrainerBackendName, TTrainerBackend> | undefined;

export function workerTrainers({ prisma, env }: Pick<JobContext<unknown>, "prisma" | "env">) {
  trainers ??= createTrainers({
    prisma,
    openAiPollMs: env.PRODA_TRAIN_POLL_MS,
    runStudent: createThreadStudentRunner(env.PRODA_STUDENT_STEP_PAUSE_MS),
    python: env.PRODA_PYTHON,
    script: env.PRODA_HF_PEFT_SCRIPT ?? HF_PEFT_SCRIPT,
    baseModel: env.PRODA_HF_BASE_MODEL ?? null,
    command: env.PRODA_TRAIN_COMMAND ?? null,
  });
  return trainers;
}
