// Two kinds of Redis connection (BullMQ "going to production"): producers fail fast so the API can
// answer 503 while Redis is down; workers wait and retry for ever.
import { Redis, type RedisOptions } from "ioredis";

export function redisUrl(): string {
  return process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
}

/** Key prefix of every queue; tests use a random one per file so they never see each other's jobs. */
export function queuePrefix(): string {
  return process.env.PRODA_QUEUE_PREFIX ?? "proda";
}

export function createProducerConnection(extra: RedisOptions = {}): Redis {
  return new Redis(redisUrl(), {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    ...extra,
  });
}

export function createWorkerConnection(extra: RedisOptions = {}): Redis {
  return new Redis(redisUrl(), {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 500, 5000),
    ...extra,
  });
}
