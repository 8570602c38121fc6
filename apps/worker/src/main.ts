// Worker entry point: one BullMQ Worker per configured queue, a heartbeat for /health, and an
// ordered shutdown on SIGTERM/SIGINT.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { disconnectPrisma, getPrisma } from "@proda/db";
import { createWorkerConnection, HEARTBEAT_INTERVAL_MS, clearHeartbeat, queuePrefix, writeHeartbeat } from "@proda/jobs";
import { Worker } from "bullmq";
import { parseWorkerEnv } from "./env.ts";
import { createRepeatLimitedErrorLog, log } from "./log.ts";
import { createJobRunner, recordFailure } from "./run-job.ts";
import { createShutdown } from "./shutdown.ts";

const SHUTDOWN_GRACE_MS = 20_000;

const env = parseWorkerEnv();
const prisma = getPrisma();
const connection = createWorkerConnection();
const runJob = createJobRunner({ prisma, redis: connection, env });
const id = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
const startedAt = new Date().toISOString();

const logWorkerError = createRepeatLimitedErrorLog();

const workers = env.WORKER_QUEUES.map((queue) => {
  const worker = new Worker(queue, runJob, {
    connection,
    prefix: queuePrefix(),
    concurrency: env.WORKER_CONCURRENCY,
    lockDuration: env.WORKER_LOCK_MS,
    stalledInterval: env.WORKER_LOCK_MS,
    maxStalledCount: 2,
  });
  worker.on("failed", (job, error) => void recordFailure(prisma, job, error).catch(() => {}));
  worker.on("error", (error) => logWorkerError({ queue, err: error.message }, "worker error", `${queue}:${error.message}`));
  return worker;
});

const beat = () =>
  writeHeartbeat(connection, { id, pid: process.pid, host: hostname(), queues: env.WORKER_QUEUES, startedAt, at: new Date().toISOString() })
    .catch((error) => log.warn({ err: String(error) }, "heartbeat failed"));
const heartbeat = setInterval(beat, HEARTBEAT_INTERVAL_MS);
await beat();

const shutdown = createShutdown([
  ["heartbeat", () => clearInterval(heartbeat)],
  [
    "workers",
    () =>
      Promise.race([
        Promise.all(workers.map((w) => w.close())),
        new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref()),
      ]),
  ],
  ["heartbeat key", () => clearHeartbeat(connection, id)],
  ["redis", () => connection.quit()],
  ["prisma", () => disconnectPrisma()],
]);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => void shutdown(signal).then(() => process.exit(0)));
}

log.info({ workerId: id, queues: env.WORKER_QUEUES, concurrency: env.WORKER_CONCURRENCY, prefix: queuePrefix() }, "worker ready");
