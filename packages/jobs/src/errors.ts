import { AppError } from "@proda/core";

/** Any failure to reach Redis from a producer becomes a 503 with a message a person can act on. */
export function queueUnavailable(cause: unknown): AppError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new AppError("service_unavailable", "The job queue (Redis) is unavailable; try again shortly.", { reason });
}
