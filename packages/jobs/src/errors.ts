import { AppError } from "@proda/core";

const PRODUCER_TIMEOUT_MS = 3000;

/** Any failure to reach Redis from a producer becomes a 503 with a message a person can act on. */
export function queueUnavailable(cause: unknown): AppError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new AppError("service_unavailable", "The job queue (Redis) is unavailable; try again shortly.", { reason });
}

/**
 * Runs a producer-side queue operation with a deadline. BullMQ waits for its connection to be ready
 * before any command, which while Redis is down means for ever; a request must not.
 */
export async function withQueueDeadline<T>(operation: () => Promise<T>, ms = PRODUCER_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([operation(), deadline]);
  } catch (error) {
    throw queueUnavailable(error);
  } finally {
    clearTimeout(timer);
  }
}
