// GET /api/v1/health — database, Redis and worker heartbeats. 200 when all are up, else 503.
import { getPrisma } from "@proda/db";
import { producerConnection, readHeartbeats, withQueueDeadline } from "@proda/jobs";
import type { THealthDto } from "@/lib/api-types";
import { json } from "@/server/http";
import { route } from "@/server/route";

async function probe<T>(fn: () => Promise<T>): Promise<{ ok: boolean; latencyMs?: number; error?: string; value?: T }> {
  const started = performance.now();
  try {
    const value = await fn();
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10, value };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export const GET = route("GET /health", {}, async () => {
  const [database, redis] = await Promise.all([
    probe(() => getPrisma().$queryRaw`SELECT 1`),
    probe(() => withQueueDeadline(() => producerConnection().ping(), 1000)),
  ]);
  const beats = redis.ok ? await readHeartbeats(producerConnection()).catch(() => []) : [];
  const body: THealthDto = {
    status: database.ok && redis.ok && beats.length > 0 ? "ok" : "degraded",
    database: { ok: database.ok, latencyMs: database.latencyMs, error: database.error },
    redis: { ok: redis.ok, latencyMs: redis.latencyMs, error: redis.error },
    workers: { ok: beats.length > 0, count: beats.length, queues: [...new Set(beats.flatMap((b) => b.queues))] },
  };
  // The web process itself is up even when a dependency is not; 503 tells load balancers the truth.
  return json(body, database.ok && redis.ok ? 200 : 503);
});
