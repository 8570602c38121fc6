// The one wrapper every /api/v1 handler goes through:
//   session cookie or API token → CSRF (cookie sessions, mutations) → project role checked against
//   ROUTE_ACCESS and the permission table → zod input → handler → error mapping; every answer is
//   counted for GET /api/v1/metrics.
import { AppError, can, ROUTE_ACCESS, type TRole, type TRouteAccess, type TRouteKey } from "@proda/core";
import { getPrisma, type User } from "@proda/db";
import { z } from "zod";
import { bearerToken, resolveApiToken } from "./auth/api-token.ts";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, readCookie, sessionCookies } from "./auth/cookies.ts";
import { resolveSession, rotateSession } from "./auth/session.ts";
import type { Session } from "@proda/db";
import { errorResponse, json } from "./http.ts";
import { recordRequest } from "./metrics/http-metrics.ts";
import { findUnstorable, unstorableReason } from "./storable-text.ts";

type Access = TRouteAccess;

export interface RouteSpec<I> {
  input?: z.ZodType<I>;
}

export interface RouteContext<I> {
  req: Request;
  params: Record<string, string>;
  input: I;
  user: User | null;
  authMethod: "session" | "token" | null;
  /** Set for project and job routes. */
  projectId: string;
  role: TRole | null;
}

type Handler<I> = (ctx: RouteContext<I>) => Promise<Response | object>;
export type RouteHandler = ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & {
  routeKey: TRouteKey;
  access: Access;
  /** The input schema, kept for the OpenAPI generator (scripts/openapi.ts). */
  input?: z.ZodType;
};

const MAX_BODY_BYTES = 1_000_000;
/** Deeper JSON is refused: no request needs it, and recursive code further on would overflow. */
const MAX_INPUT_DEPTH = 64;
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

interface TAuth {
  user: User;
  method: "session" | "token";
  rotate?: Session;
  /** The role in `projectId`, read with the credentials (null: not a member). */
  projectRole: TRole | null;
}

/** `projectId`: the project the route names, so its membership comes with the credentials in one statement. */
async function authenticate(req: Request, projectId: string | undefined): Promise<TAuth | null> {
  const bearer = bearerToken(req);
  if (bearer) {
    const auth = await resolveApiToken(bearer, projectId);
    return auth ? { user: auth.user, method: "token", projectRole: auth.projectRole } : null;
  }
  const cookie = readCookie(req, SESSION_COOKIE);
  if (!cookie) return null;
  const active = await resolveSession(cookie, projectId);
  return active
    ? { user: active.user, method: "session", rotate: active.dueForRotation ? active.session : undefined, projectRole: active.projectRole }
    : null;
}

function checkCsrf(req: Request): void {
  const cookie = readCookie(req, CSRF_COOKIE);
  const header = req.headers.get(CSRF_HEADER);
  if (!cookie || !header || cookie !== header) {
    throw new AppError("csrf_failed", "Missing or invalid CSRF token; reload the page and try again.");
  }
}

/** Mutations from a browser must come from our own origin (also protects the public sign-in form). */
function checkOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!host || new URL(origin).host !== host) throw new AppError("csrf_failed", "Cross-origin request refused");
}

async function resolveProjectId(access: Access, params: Record<string, string>): Promise<string> {
  if (access.kind === "project") return params.projectId ?? "";
  if (access.kind === "job") {
    const job = await getPrisma().job.findUnique({ where: { id: params.jobId ?? "" }, select: { projectId: true } });
    if (!job?.projectId) throw new AppError("not_found", "Job not found");
    return job.projectId;
  }
  return "";
}

/** Non-members get 404, not 403: a project's existence is not disclosed to outsiders. */
async function authorise(access: Access, userId: string, projectId: string, known: TRole | null | undefined): Promise<TRole> {
  if (access.kind !== "project" && access.kind !== "job") throw new Error("unreachable");
  // A project route read the role with the credentials; a job route learns its project only now.
  const role =
    known !== undefined
      ? known
      : ((await getPrisma().membership.findUnique({ where: { projectId_userId: { projectId, userId } }, select: { role: true } }))?.role ?? null);
  if (!role) throw new AppError("not_found", access.kind === "job" ? "Job not found" : "Project not found");
  if (!can(role, access.permission)) {
    throw new AppError("forbidden", `Your role (${role}) does not allow ${access.permission}`);
  }
  return role;
}

async function readInput<I>(req: Request, schema: z.ZodType<I> | undefined): Promise<I> {
  if (!schema) return undefined as I;
  let raw: unknown;
  if (req.method === "GET" || req.method === "HEAD") {
    raw = Object.fromEntries(new URL(req.url).searchParams);
  } else {
    const text = await req.text();
    if (text.length > MAX_BODY_BYTES) throw new AppError("payload_too_large", `Request body over ${MAX_BODY_BYTES} bytes`);
    try {
      raw = text ? JSON.parse(text) : {};
    } catch {
      throw new AppError("bad_request", "Request body is not valid JSON");
    }
  }
  const unstorable = findUnstorable(raw, MAX_INPUT_DEPTH);
  if (unstorable) {
    // The shape of z.flattenError, so clients show it like any other invalid field.
    const { path, reason } = unstorable;
    const message = path ? `The field ${path} ${reason}` : `The input ${reason}`;
    throw new AppError("validation_failed", message, path ? { formErrors: [], fieldErrors: { [path.split(".")[0]!]: [message] } } : { formErrors: [message], fieldErrors: {} });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("validation_failed", "Some fields are invalid", z.flattenError(parsed.error as z.ZodError<unknown>));
  }
  return parsed.data;
}

/** `key` names the route in ROUTE_ACCESS, which decides who may call it. */
export function route<I = undefined>(key: TRouteKey, spec: RouteSpec<I>, handler: Handler<I>): RouteHandler {
  const access: Access = ROUTE_ACCESS[key];
  const handle = async (req: Request, routeCtx: { params: Promise<Record<string, string>> }) => {
    const params = (await routeCtx?.params) ?? {};
    let rotate: Session | undefined;
    try {
      // No id holds a NUL or a lone surrogate, and PostgreSQL cannot even compare against one.
      if (Object.values(params).some((p) => typeof p === "string" && unstorableReason(p) !== null)) throw new AppError("not_found", "Not found: the path names nothing that exists");
      let user: User | null = null;
      let authMethod: "session" | "token" | null = null;
      let projectRole: TRole | null | undefined;
      if (access.kind !== "public") {
        const auth = await authenticate(req, access.kind === "project" ? (params.projectId ?? "") : undefined);
        if (!auth) throw new AppError("unauthenticated", "Sign in to continue");
        ({ user, method: authMethod, rotate } = auth);
        if (access.kind === "project") projectRole = auth.projectRole;
      }
      if (MUTATING.has(req.method)) {
        checkOrigin(req);
        if (authMethod === "session") checkCsrf(req);
      }
      const projectId = await resolveProjectId(access, params);
      const role = user && projectId ? await authorise(access, user.id, projectId, projectRole) : null;
      const input = await readInput(req, spec.input);
      const result = await handler({ req, params, input, user, authMethod, projectId, role });
      const response = result instanceof Response ? result : json(result);
      // Rotate a day-old session after the request, unless the handler itself set the session
      // cookie (sign-in, sign-out): rotating then would undo what it did.
      const handlerSetSession = response.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`));
      if (rotate && !handlerSetSession) {
        const rotated = await rotateSession(rotate);
        for (const c of sessionCookies(rotated.token, rotated.csrf, rotated.maxAgeSeconds)) response.headers.append("set-cookie", c);
      }
      return response;
    } catch (error) {
      return errorResponse(error, { method: req.method, url: new URL(req.url).pathname });
    }
  };
  const wrapped = async (req: Request, routeCtx: { params: Promise<Record<string, string>> }) => {
    const started = performance.now();
    const response = await handle(req, routeCtx);
    recordRequest(key, response.status, (performance.now() - started) / 1000);
    return response;
  };
  return Object.assign(wrapped, { routeKey: key, access, input: spec.input as z.ZodType | undefined });
}
