// Response helpers and the one error mapping of the API: AppError → its status and message;
// known Prisma errors → 404/409; anything else → a logged, generic 500.
import { AppError, ERROR_STATUS } from "@proda/core";
import { isFrozenViolation } from "@proda/db";
import { errorFields } from "@proda/core/server";
import { log } from "./log.ts";

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
  log.error({ ...context, ...errorFields(error) }, "unhandled route error");
  return json(errorBody("internal", "Something went wrong on our side. It has been logged."), 500);
}
