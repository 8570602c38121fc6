// The sign-in rate limit lives in PostgreSQL: failures recorded by any web process count (a row
// written by "another process" blocks this one), the window slides, expired rows are dropped, typed
// emails are stored only as hashes, and a client's X-Forwarded-For is not believed unless a proxy
// is trusted.
import { getPrisma } from "@proda/db";
import { describe, expect, it } from "vitest";
import { recordSignInFailure, signInLimits, signInWaitSeconds, type TLimit } from "../src/server/auth/rate-limit.ts";
import * as signIn from "../app/api/v1/auth/sign-in/route.ts";
import { callRoute } from "./call-route.ts";

const prisma = getPrisma();
const WINDOW_MS = 15 * 60 * 1000;
const email = () => `limit-${Math.random().toString(36).slice(2)}@test.proda.local`;
const request = (xff?: string) => new Request("http://localhost/x", { headers: xff ? { "x-forwarded-for": xff } : {} });

describe("sign-in rate limit", () => {
  it("blocks a key after its maximum of failures and frees it when the window has passed", async () => {
    const limits: TLimit[] = [[`email:${email()}`, 3]];
    const t0 = new Date();
    for (let i = 0; i < 3; i++) {
      expect(await signInWaitSeconds(prisma, limits, new Date(t0.getTime() + i))).toBeNull();
      await recordSignInFailure(prisma, limits, new Date(t0.getTime() + i));
    }
    expect(await signInWaitSeconds(prisma, limits, new Date(t0.getTime() + 10))).toBeGreaterThan(14 * 60);
    expect(await signInWaitSeconds(prisma, limits, new Date(t0.getTime() + WINDOW_MS + 10))).toBeNull();
  });

  it("counts failures another web process recorded, and keeps no email in clear", async () => {
    const target = email();
    await recordSignInFailure(prisma, signInLimits(request(), target, 10, false));
    for (let i = 0; i < 9; i++) await recordSignInFailure(prisma, [[`email:${target}`, 10]]);
    const res = await callRoute(signIn.POST, "POST", { body: { email: target, password: "whatever" } });
    expect(res.status).toBe(429);
    expect(res.body.error.message).toMatch(/Too many sign-in attempts/);
    const rows = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "SignInFailure" WHERE key LIKE ${`%${target}%`}`;
    expect(rows[0]!.n).toBe(0);
  });

  it("drops failures older than the window when it records one", async () => {
    const stale = [[`email:${email()}`, 10]] as TLimit[];
    await recordSignInFailure(prisma, stale, new Date(Date.now() - WINDOW_MS - 60_000));
    const before = await prisma.signInFailure.count({ where: { createdAt: { lt: new Date(Date.now() - WINDOW_MS) } } });
    expect(before).toBeGreaterThan(0);
    await recordSignInFailure(prisma, [[`email:${email()}`, 10]]);
    expect(await prisma.signInFailure.count({ where: { createdAt: { lt: new Date(Date.now() - WINDOW_MS) } } })).toBe(0);
  });

  it("limits per address only behind a trusted proxy, using the address that proxy appended", () => {
    expect(signInLimits(request("203.0.113.7"), "a@b.c", 10, false)).toEqual([["email:a@b.c", 10]]);
    expect(signInLimits(request("10.9.9.9, 203.0.113.7"), "a@b.c", 10, true)).toEqual([["email:a@b.c", 10], ["ip:203.0.113.7", 50]]);
    expect(signInLimits(request(), "a@b.c", 10, true)).toEqual([["email:a@b.c", 10]]);
  });

  it("does not let a forged X-Forwarded-For lift the per-email limit", async () => {
    const target = email();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const headers = { "x-forwarded-for": `198.51.100.${i}` };
      statuses.push((await callRoute(signIn.POST, "POST", { body: { email: target, password: "x" }, headers })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
