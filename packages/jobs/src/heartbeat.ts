// Workers announce themselves with a short-lived Redis key; /api/v1/health counts the live ones.
import type { Redis } from "ioredis";
import { queuePrefix } from "./redis.ts";

export const HEARTBEAT_INTERVAL_MS = 5000;
const HEARTBEAT_TTL_S = 15;

export interface WorkerBeat {
  id: string;
  pid: number;
  host: string;
  queues: string[];
  startedAt: string;
  at: string;
}

const key = (id: string) => `${queuePrefix()}:worker:${id}`;

export async function writeHeartbeat(redis: Redis, beat: WorkerBeat): Promise<void> {
  await redis.set(key(beat.id), JSON.stringify(beat), "EX", HEARTBEAT_TTL_S);
}

export async function clearHeartbeat(redis: Redis, id: string): Promise<void> {
  await redis.del(key(id));
}

export async function readHeartbeats(redis: Redis): Promise<WorkerBeat[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", `${queuePrefix()}:worker:*`, "COUNT", 100);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== "0");
  if (keys.length === 0) return [];
  const values = await redis.mget(...keys);
  return values.flatMap((v) => (v ? [JSON.parse(v) as WorkerBeat] : []));
}
