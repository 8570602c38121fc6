// What a processor gets: its parsed payload and a progress reporter that writes the Job row and
// tells it when a cancel was requested (checked at every progress report).
import type { PrismaClient } from "@proda/db";
import type { Redis } from "ioredis";
import type { TWorkerEnv } from "./env.ts";

export class JobCancelledError extends Error {
  constructor() {
    super("Cancelled on request");
    this.name = "JobCancelledError";
  }
}

export interface ProgressUpdate {
  done: number;
  total: number;
  failed?: number;
  message?: string;
}

export interface JobContext<P> {
  jobId: string;
  payload: P;
  prisma: PrismaClient;
  /** The worker's Redis connection (shared rate limits). */
  redis: Redis;
  env: TWorkerEnv;
  /** Records progress; throws JobCancelledError when someone asked the job to stop. */
  progress(update: ProgressUpdate): Promise<void>;
}

export interface WorkerDeps {
  prisma: PrismaClient;
  redis: Redis;
  env: TWorkerEnv;
}

export function createJobContext<P>({ prisma, redis, env }: WorkerDeps, jobId: string, payload: P): JobContext<P> {
  return {
    jobId,
    payload,
    prisma,
    redis,
    env,
    async progress({ done, total, failed, message }) {
      const row = await prisma.job.update({
        where: { id: jobId },
        data: {
          doneCount: done,
          totalCount: total,
          failedCount: failed,
          progress: total > 0 ? Math.min(1, done / total) : 0,
          message,
        },
        select: { cancelRequested: true },
      });
      if (row.cancelRequested) throw new JobCancelledError();
    },
  };
}
