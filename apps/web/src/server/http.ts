// Response helpers and the one error mapping of the API: AppError → its status and message;
// known Prisma errors → 404/409; text PostgreSQL cannot store (NUL) → 400; PostgreSQL unreachable →
// 503; anything else → a logged, generic 500.
import { AppError, ERROR_STATUS } from "@proda/core";
import { isDatabaseUnavailable, isFrozenViolation } from "@proda/db";
import { errorFields } from "@proda/core/server";
import { log } from "./log.ts";
import { isUnstorableTextError } from "./storable-text.ts";

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

function errorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

function prismaCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

export function errorResponse(error: unknown, context: Record<string, unknown> = {}): Response {
  if (error instanceof AppError) {
    return json(errorBody(error.code, error.message, error.details), error.status);
  }
  const code = prismaCode(error);
  if (code === "P2025") return json(errorBody("not_found", "Not found"), ERROR_STATUS.not_found);
  if (code === "P2002") return json(errorBody("conflict", "That already exists"), ERROR_STATUS.conflict);
  if (isFrozenViolation(error)) return json(errorBody("conflict", "It is frozen and cannot be changed."), ERROR_STATUS.conflict);
  if (isUnstorableTextError(error)) return json(errorBody("bad_request", "The text holds a character the database cannot store (NUL)."), ERROR_STATUS.bad_request);
  if (isDatabaseUnavailable(error)) {
    // A restart or an outage, not a bug: say so, and when to try again (no 500 alert, no stack logged).
    log.warn({ ...context, err: error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error) }, "database unavailable");
    return json(errorBody("service_unavailable", "The database is unavailable; try again shortly."), ERROR_STATUS.service_unavailable, { "retry-after": "5" });
  }
  log.error({ ...context, ...errorFields(error) }, "unhandled route error");
  return json(errorBody("internal", "Something went wrong on our side. It has been logged."), 500);
}
