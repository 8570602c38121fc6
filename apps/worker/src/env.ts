// The worker process's environment, validated once at boot.
import { QUEUE_NAMES } from "@proda/jobs";
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
});

export type TWorkerEnv = z.infer<typeof ZWorkerEnv>;

export function parseWorkerEnv(env: NodeJS.ProcessEnv = process.env): TWorkerEnv {
  return ZWorkerEnv.parse(env);
}
