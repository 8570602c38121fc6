// training.run: a run on a CPU-side backend (the builtin student, or an OpenAI fine-tuning job this
// worker uploads, starts and polls).
import type { TJobPayload } from "@proda/jobs";
import type { JobContext } from "../job-context.ts";
import { runTraining } from "../training/run-training.ts";
import { workerTrainers } from "../training/worker-trainers.ts";

export async function trainModel(ctx: JobContext<TJobPayload<"training.run">>) {
  return runTraining(ctx, "cpu", workerTrainers(ctx));
}
