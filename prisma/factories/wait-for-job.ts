// Tests wait for queued work through its Job row, as the UI does: until it is terminal.
import { setTimeout as sleep } from "node:timers/promises";
import type { Job, PrismaClient } from "@proda/db";

const TERMINAL = ["completed", "failed", "cancelled"];

export async function waitForJob(prisma: PrismaClient, id: string, timeoutMs = 90_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const job = await prisma.job.findUniqueOrThrow({ where: { id } });
    if (TERMINAL.includes(job.status)) return job;
    await sleep(100);
  }
  throw new Error(`job ${id} did not finish within ${timeoutMs} ms`);
}
