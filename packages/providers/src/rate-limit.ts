// A per-provider rate limit shared by every worker process: a sliding-window log in Redis (one
// sorted set of admitted request ids by time, one hash of their token counts), checked and updated
// by a single Lua script so two workers can never both take the last slot. A sliding log, unlike a
// token bucket, guarantees "at most N in ANY window", which is what an endpoint's own limiter enforces.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";

// KEYS: 1 = zset id → admitted-at (ms), 2 = hash id → tokens.
// ARGV: windowMs, maxRequests (0: none), maxTokens (0: none), tokens, id.
// Returns {1, nowMs} when admitted, {0, waitMs} otherwise. Time comes from Redis so worker clocks may differ.
const ACQUIRE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local maxRequests = tonumber(ARGV[2])
local maxTokens = tonumber(ARGV[3])
local tokens = tonumber(ARGV[4])
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - window)
if #expired > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
  for i = 1, #expired, 1000 do redis.call('HDEL', KEYS[2], unpack(expired, i, math.min(i + 999, #expired))) end
end
local count = redis.call('ZCARD', KEYS[1])
if maxRequests > 0 and count >= maxRequests then
  local oldest = redis.call('ZRANGE', KEYS[1], count - maxRequests, count - maxRequests, 'WITHSCORES')
  return {0, tonumber(oldest[2]) + window - now + 1}
end
if maxTokens > 0 and count > 0 then
  local used = 0
  for _, v in ipairs(redis.call('HVALS', KEYS[2])) do used = used + tonumber(v) end
  if used + tokens > maxTokens then
    -- Wait until enough of the oldest entries leave the window (or the window empties: a single
    -- request bigger than the whole budget is let through alone rather than blocked for ever).
    local entries = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
    local freed = 0
    for i = 1, #entries, 2 do
      freed = freed + tonumber(redis.call('HGET', KEYS[2], entries[i]) or '0')
      if used - freed + tokens <= maxTokens or i + 1 == #entries then
        return {0, tonumber(entries[i + 1]) + window - now + 1}
      end
    end
  end
end
redis.call('ZADD', KEYS[1], now, ARGV[5])
redis.call('HSET', KEYS[2], ARGV[5], tokens)
redis.call('PEXPIRE', KEYS[1], window * 2)
redis.call('PEXPIRE', KEYS[2], window * 2)
return {1, now}
`;

// Only an entry still inside the window is corrected; an expired one no longer counts anyway.
const SETTLE_SCRIPT = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return 1
`;

export interface TRateLimitOptions {
  providerId: string;
  requestsPerMinute: number | null;
  tokensPerMinute: number | null;
  /** Length of the "minute" (tests and benchmarks shorten it); the per-minute limits apply per window. */
  windowMs?: number;
  /**
   * Added to the window: the endpoint counts a request when it arrives, we when we admit it, and a
   * cold connection (TLS handshake) arrives later than a warm one. Default 1% of the window, ≥ 50 ms.
   */
  guardMs?: number;
  /** Key prefix; defaults to PRODA_QUEUE_PREFIX (or "proda") so test runs never share a limit. */
  prefix?: string;
  signal?: AbortSignal;
}

export interface TRateLimitTicket {
  id: string;
  /** How long acquire() waited for a slot. */
  waitedMs: number;
  /** Redis time (ms) of admission; 0 when there is no limit. */
  admittedAt: number;
}

export interface TRateLimiter {
  acquire(cost: { requests?: 1; tokens: number }): Promise<TRateLimitTicket>;
  /** Replaces the reserved token estimate with what the call actually used. */
  settle(ticket: TRateLimitTicket, actualTokens: number): Promise<void>;
}

type TScriptedRedis = Redis & {
  prodaRateAcquire(zset: string, hash: string, ...args: (string | number)[]): Promise<[number, number]>;
  prodaRateSettle(hash: string, id: string, tokens: number): Promise<number>;
};

function defineScripts(redis: Redis): TScriptedRedis {
  const scripted = redis as TScriptedRedis;
  // defineCommand caches the script by SHA (EVALSHA, falling back to EVAL after a Redis restart).
  if (typeof scripted.prodaRateAcquire !== "function") {
    redis.defineCommand("prodaRateAcquire", { numberOfKeys: 2, lua: ACQUIRE_SCRIPT });
    redis.defineCommand("prodaRateSettle", { numberOfKeys: 1, lua: SETTLE_SCRIPT });
  }
  return scripted;
}

/** A limiter with no limits: admits at once (a provider with neither limit set). */
export const NO_RATE_LIMIT: TRateLimiter = {
  acquire: async () => ({ id: "", waitedMs: 0, admittedAt: 0 }),
  settle: async () => {},
};

export function createRateLimiter(redis: Redis, options: TRateLimitOptions): TRateLimiter {
  const { providerId, requestsPerMinute, tokensPerMinute, windowMs = 60_000, signal } = options;
  const guardedWindowMs = windowMs + (options.guardMs ?? Math.max(50, Math.round(windowMs * 0.01)));
  if (!requestsPerMinute && !tokensPerMinute) return NO_RATE_LIMIT;
  const prefix = options.prefix ?? process.env.PRODA_QUEUE_PREFIX ?? "proda";
  const base = `${prefix}:ratelimit:${providerId}`;
  const zset = `${base}:requests`;
  const hash = `${base}:tokens`;
  const scripted = defineScripts(redis);

  return {
    async acquire({ tokens }) {
      const id = randomUUID();
      const started = Date.now();
      const reserve = Math.max(0, Math.ceil(tokens));
      for (;;) {
        signal?.throwIfAborted();
        const [admitted, value] = await scripted.prodaRateAcquire(zset, hash, guardedWindowMs, requestsPerMinute ?? 0, tokensPerMinute ?? 0, reserve, id);
        if (admitted === 1) return { id, waitedMs: Date.now() - started, admittedAt: Number(value) };
        // Sleep until the slot frees; a few ms of jitter keeps waiting workers from all retrying at once.
        await sleep(Math.max(1, Number(value)) + Math.floor(Math.random() * 5), undefined, { signal });
      }
    },
    async settle(ticket, actualTokens) {
      if (!ticket.id || !tokensPerMinute) return;
      await scripted.prodaRateSettle(hash, ticket.id, Math.max(0, Math.ceil(actualTokens)));
    },
  };
}
