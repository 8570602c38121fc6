// The worker process's environment, validated once at boot.
import { QUEUE_NAMES } from "@proda/jobs";
import { ZCommandTemplate } from "@proda/providers";
import { z } from "zod";

const ZWorkerEnv = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required"),
  REDIS_URL: z.string().default("redis://127.0.0.1:6379"),
  /** Comma-separated queues to consume: "cpu" on ordinary machines, "gpu" on GPU machines. */
  WORKER_QUEUES: z
    .string()
    .default("cpu")
    .transform((s) => s.split(",").map((q) => q.trim()).filter(Boolean))
    .pipe(z.array(z.enum(QUEUE_NAMES)).min(1)),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** How long a job's lock lives; a worker that dies loses its jobs to another after about this long. */
  WORKER_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  /** Pause between units of the statistics recount, so a big recount yields to interactive queries. */
  PRODA_STATS_STEP_PAUSE_MS: z.coerce.number().int().min(0).default(0),
  /** Training on GPU workers (server-side only; never from a request): the Python with torch/transformers/peft, */
  PRODA_PYTHON: z.string().min(1).default("python3"),
  /** the LoRA script it runs (the repository's trainers/hf_peft_train.py unless set), */
  PRODA_HF_PEFT_SCRIPT: z.string().min(1).optional(),
  /** the base model both GPU backends fine-tune (a local directory; "tiny" = a random tiny model, no download), */
  PRODA_HF_BASE_MODEL: z.string().min(1).optional(),
  /** and the command backend's argv as a JSON array with {config}, {data}, {dataset_info}, {output_dir}, {run_dir}, {base_model}. */
  PRODA_TRAIN_COMMAND: ZCommandTemplate.optional(),
  /** Between two status polls of an OpenAI fine-tuning job. */
  PRODA_TRAIN_POLL_MS: z.coerce.number().int().min(50).default(10_000),
  /** Pause between builtin-student batches (throttle: leaves cores to interactive work on small machines). */
  PRODA_STUDENT_STEP_PAUSE_MS: z.coerce.number().int().min(0).default(0),
});

export type TWorkerEnv = z.infer<typeof ZWorkerEnv>;

export function parseWorkerEnv(env: NodeJS.ProcessEnv = process.env): TWorkerEnv {
  return ZWorkerEnv.parse(env);
}
