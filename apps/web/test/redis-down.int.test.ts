// With Redis unreachable, the API answers 503 with a clear message and leaves nothing half-made.
import { getPrisma } from "@proda/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeProducer } from "@proda/jobs";
import { createProjectWithRoles } from "../../../prisma/factories/projects.ts";
import * as recompute from "../app/api/v1/projects/[projectId]/stats/recompute/route.ts";
import * as health from "../app/api/v1/health/route.ts";
import { callRoute } from "./call-route.ts";

const prisma = getPrisma();
const realRedis = process.env.REDIS_URL;

beforeAll(async () => {
  await closeProducer();
  process.env.REDIS_URL = "redis://127.0.0.1:1"; // nothing listens on port 1
});

afterAll(async () => {
  await closeProducer();
  if (realRedis === undefined) delete process.env.REDIS_URL;
  else process.env.REDIS_URL = realRedis;
});

describe("Redis down", () => {
  it("answers 503 to an enqueue and keeps no Job row", async () => {
    const { project, members } = await createProjectWithRoles(prisma, ["owner"]);
    const res = await callRoute(recompute.POST, "POST", { token: members.owner.token, params: { projectId: project.id } });
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/queue.*unavailable/i);
    expect(await prisma.job.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("reports Redis as down in /health with 503", async () => {
    const res = await callRoute(health.GET, "GET");
    expect(res.status).toBe(503);
    expect(res.body.database.ok).toBe(true);
    expect(res.body.redis.ok).toBe(false);
  });
});
