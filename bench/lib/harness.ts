// Shared pieces of the end-to-end benchmarks: a database of their own (a test run resets
// proda_test), real worker processes, uploads through the route handler, job waiting, memory.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { openAsBlob, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
// @ts-expect-error — plain ESM script without types
import { provisionServices } from "../../scripts/services.mjs";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const MB = 1024 * 1024;

export function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

export function rssOf(pid: number | "self"): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0);
  return { rss: kb("VmRSS") * 1024, hwm: kb("VmHWM") * 1024 };
}

/** Services as `npm test` finds them, then the proda_bench database, migrated. */
export async function provisionBench(): Promise<{ stop(): Promise<void> }> {
  const services = await provisionServices({ purpose: "test" });
  const benchUrl = new URL(services.databaseUrl);
  benchUrl.pathname = "/proda_bench";
  const admin = new pg.Client({ connectionString: services.databaseUrl });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'proda_bench'");
  if (exists.rowCount === 0) await admin.query("CREATE DATABASE proda_bench");
  await admin.end();
  process.env.DATABASE_URL = benchUrl.toString();
  if (spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], { cwd: ROOT, stdio: "inherit" }).status !== 0) {
    throw new Error("migrating proda_bench failed");
  }
  process.env.PRODA_DATA_DIR ??= path.join(ROOT, ".proda", "bench-data");
  process.env.PRODA_QUEUE_PREFIX = `bench-${randomBytes(3).toString("hex")}`;
  process.env.PRODA_MAX_UPLOAD_BYTES = String(512 * MB);
  return services;
}

export async function startWorkers(count: number) {
  const { startWorker } = await import("../../apps/worker/test/worker-process.ts");
  return Promise.all(Array.from({ length: count }, () => startWorker({ PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX!, WORKER_CONCURRENCY: "1" })));
}

/** Uploads every file under `dir` (relative paths kept, so folders become disciplines), 8 per request. */
export async function uploadFolder(projectId: string, token: string, dir: string, onBatch?: () => void): Promise<void> {
  const documents = await import("../../apps/web/app/api/v1/projects/[projectId]/corpus/documents/route.ts");
  const files = listFiles(dir).sort();
  for (let i = 0; i < files.length; i += 8) {
    const form = new FormData();
    for (const file of files.slice(i, i + 8)) form.append("files", await openAsBlob(file), path.relative(dir, file));
    const req = new Request("http://bench/api", { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } });
    const res = await documents.POST(req, { params: Promise.resolve({ projectId }) });
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
    onBatch?.();
  }
}

/** Waits for a job (and, for a flow, reports its children's progress) until it is terminal. */
export async function waitForJob(jobId: string, onTick?: (childrenDone: number, children: number) => void) {
  const { getPrisma } = await import("@proda/db");
  const prisma = getPrisma();
  const children = await prisma.job.count({ where: { parentId: jobId } });
  for (;;) {
    const job = await prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    const done = await prisma.job.count({ where: { parentId: jobId, status: { in: ["completed", "failed", "cancelled"] } } });
    onTick?.(done, children);
    if (["completed", "failed", "cancelled"].includes(job.status)) {
      if (job.status !== "completed") throw new Error(`job ${job.kind} ${job.status}: ${job.error}`);
      return job;
    }
    await sleep(500);
  }
}
