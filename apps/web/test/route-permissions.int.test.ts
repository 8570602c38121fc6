// Every /api/v1 route handler, enumerated from the file system, is wrapped by route() under its own
// key of ROUTE_ACCESS (the table the wrapper enforces), and every key has a handler. Then, per the
// table: without credentials 401; for each role the permission table forbids 403; for an outsider
// 404; for the roles it allows, neither 401 nor 403.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ROLES, PERMISSIONS, ROUTE_ACCESS, rolesWithout } from "@proda/core";
import { getPrisma } from "@proda/db";
import { beforeAll, describe, expect, it } from "vitest";
import { createProjectWithRoles, createUserWithToken } from "../../../prisma/factories/projects.ts";
import type { RouteHandler } from "../src/server/route.ts";

const API_DIR = path.resolve(import.meta.dirname, "../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

const files = routeFiles(API_DIR);
let fixture: Awaited<ReturnType<typeof createProjectWithRoles>>;
let outsider: { token: string };
let ids: Record<string, string>;

beforeAll(async () => {
  const prisma = getPrisma();
  fixture = await createProjectWithRoles(prisma, ROLES);
  outsider = await createUserWithToken(prisma, "outsider");
  const job = await prisma.job.create({ data: { kind: "project.recomputeStats", queue: "cpu", payload: {}, projectId: fixture.project.id, status: "completed" } });
  const provider = await prisma.providerConfig.findFirstOrThrow({ where: { projectId: fixture.project.id } });
  ids = { projectId: fixture.project.id, jobId: job.id, userId: fixture.members.viewer.userId, providerId: provider.id, tokenId: "nonexistent" };
});

function call(handler: RouteHandler, file: string, method: string, token?: string) {
  const relative = path.relative(API_DIR, path.dirname(file));
  const params: Record<string, string> = {};
  const urlPath = relative.split(path.sep).map((segment) => {
    const m = segment.match(/^\[(\w+)\]$/);
    if (!m) return segment;
    params[m[1]!] = ids[m[1]!]!;
    return params[m[1]!];
  });
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const request = new Request(`http://localhost/api/v1/${urlPath.join("/")}`, {
    method,
    headers,
    body: method === "GET" ? undefined : "{}",
  });
  return handler(request, { params: Promise.resolve(params) });
}

describe("route permissions", () => {
  it("has a handler for every key of ROUTE_ACCESS, and no handler outside it", async () => {
    const found: string[] = [];
    for (const file of files) {
      const mod = (await import(file)) as Record<string, RouteHandler | undefined>;
      for (const m of METHODS) if (mod[m]) found.push(mod[m]!.routeKey);
    }
    expect(found.sort()).toEqual(Object.keys(ROUTE_ACCESS).sort());
  });

  for (const file of files) {
    const name = path.relative(API_DIR, file);
    it(`${name}: every handler goes through route() and honours the permission table`, async () => {
      const mod = (await import(file)) as Record<string, RouteHandler | undefined>;
      const handlers = METHODS.flatMap((m) => (mod[m] ? [[m, mod[m]!] as const] : []));
      expect(handlers.length, `${name} exports no handler`).toBeGreaterThan(0);
      for (const [method, handler] of handlers) {
        const routePath = "/" + path.dirname(name).split(path.sep).join("/");
        expect(handler.routeKey, `${method} ${name} is not wrapped by route() under its own key`).toBe(`${method} ${routePath}`);
        const access = ROUTE_ACCESS[handler.routeKey];
        if (access.kind === "public") continue;

        // EventSource-style streams are read just far enough to see the status.
        const status = async (token?: string) => {
          const res = await call(handler, file, method, token);
          await res.body?.cancel();
          return res.status;
        };
        expect(await status(), `${method} ${name} without credentials`).toBe(401);
        if (access.kind === "user") {
          expect([401, 403]).not.toContain(await status(fixture.members.viewer.token));
          continue;
        }
        for (const role of rolesWithout(access.permission)) {
          expect(await status(fixture.members[role].token), `${method} ${name} as ${role}`).toBe(403);
        }
        expect(await status(outsider.token), `${method} ${name} as an outsider`).toBe(404);
        // Allowed roles get through. DELETE is not tried: it would remove the fixture the other
        // checks stand on (deletion is covered by the feature tests).
        if (method === "DELETE") continue;
        for (const role of PERMISSIONS[access.permission]) {
          expect([401, 403], `${method} ${name} as ${role}`).not.toContain(await status(fixture.members[role].token));
        }
      }
    });
  }
});
