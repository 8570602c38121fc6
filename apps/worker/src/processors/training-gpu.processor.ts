// training.gpu: a run on a GPU worker (the hf-peft script or the configured command), its log
// streamed back line by line.
import type { TJobPayload } from "@proda/jobs";
import type { JobContext } from "../job-context.ts";
import { runTraining } from "../training/run-training.ts";
import { workerTrainers } from "../training/worker-trainers.ts";

export async function trainModelOnGpu(ctx: JobContext<TJobPayload<"training.gpu">>) {
  return runTraining(ctx, "gpu", workerTrainers(ctx));
}
