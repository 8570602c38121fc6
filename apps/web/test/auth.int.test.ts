// Sign-in, sessions, CSRF and API tokens against the real database.
import { getPrisma } from "@proda/db";
import { beforeAll, describe, expect, it } from "vitest";
import { upsertUser } from "../../../prisma/factories/users.ts";
import * as signIn from "../app/api/v1/auth/sign-in/route.ts";
import * as signOut from "../app/api/v1/auth/sign-out/route.ts";
import * as me from "../app/api/v1/auth/me/route.ts";
import * as projects from "../app/api/v1/projects/route.ts";
import * as tokens from "../app/api/v1/tokens/route.ts";
import * as token from "../app/api/v1/tokens/[tokenId]/route.ts";
import { hashSecret } from "../src/server/auth/tokens.ts";
import { callRoute, setCookies } from "./call-route.ts";

const prisma = getPrisma();
const password = "a long enough password";
let email: string;

beforeAll(async () => {
  email = `auth-${Date.now()}@test.proda.local`;
  await upsertUser(prisma, { email, password, name: "Auth Test" });
});

async function signInCookies() {
  const res = await callRoute(signIn.POST, "POST", { body: { email, password } });
  expect(res.status).toBe(200);
  return setCookies(res.response);
}

describe("sign-in", () => {
  it("sets an http-only session cookie and a readable CSRF cookie, and stores only a hash", async () => {
    const res = await callRoute(signIn.POST, "POST", { body: { email: email.toUpperCase(), password } });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(email);
    const lines = res.response.headers.getSetCookie();
    const session = lines.find((l) => l.startsWith("proda_session="))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(lines.find((l) => l.startsWith("proda_csrf="))).not.toMatch(/HttpOnly/);
    const value = setCookies(res.response).proda_session!;
    expect(await prisma.session.count({ where: { tokenHash: value } })).toBe(0);
    expect(await prisma.session.count({ where: { tokenHash: hashSecret(value) } })).toBe(1);
    expect(JSON.stringify(res.body)).not.toContain("passwordHash");
  });

  it("rejects a wrong password and an unknown email with the same message", async () => {
    const wrong = await callRoute(signIn.POST, "POST", { body: { email, password: "nope" } });
    const unknown = await callRoute(signIn.POST, "POST", { body: { email: "nobody@test.proda.local", password } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it("rate-limits repeated failures for one email", async () => {
    const target = `limited-${Date.now()}@test.proda.local`;
    const statuses: number[] = [];
    const headers = { "x-forwarded-for": "203.0.113.7" };
    for (let i = 0; i < 12; i++) statuses.push((await callRoute(signIn.POST, "POST", { body: { email: target, password: "x" }, headers })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it("answers 400 with field errors for a malformed body, not 500", async () => {
    const res = await callRoute(signIn.POST, "POST", { body: "{not json" });
    expect(res.status).toBe(400);
    const invalid = await callRoute(signIn.POST, "POST", { body: { email: "not-an-email", password: 5 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe("validation_failed");
  });
});

describe("sessions and CSRF", () => {
  it("authenticates with the cookie and requires the CSRF header on mutations", async () => {
    const cookies = await signInCookies();
    expect((await callRoute(me.GET, "GET", { cookies })).status).toBe(200);

    const noHeader = await callRoute(projects.POST, "POST", { cookies, body: { name: "csrf" } });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.error.code).toBe("csrf_failed");
    const wrongHeader = await callRoute(projects.POST, "POST", { cookies, body: { name: "csrf" }, headers: { "x-csrf-token": "forged" } });
    expect(wrongHeader.status).toBe(403);
    const ok = await callRoute(projects.POST, "POST", { cookies, body: { name: "csrf ok" }, headers: { "x-csrf-token": cookies.proda_csrf! } });
    expect(ok.status).toBe(201);
  });

  it("refuses cross-origin mutations", async () => {
    const cookies = await signInCookies();
    const res = await callRoute(projects.POST, "POST", {
      cookies, body: { name: "x" }, headers: { "x-csrf-token": cookies.proda_csrf!, origin: "https://evil.example", host: "localhost" },
    });
    expect(res.status).toBe(403);
  });

  it("ends the session on sign-out", async () => {
    const cookies = await signInCookies();
    const out = await callRoute(signOut.POST, "POST", { cookies, headers: { "x-csrf-token": cookies.proda_csrf! } });
    expect(out.status).toBe(204);
    expect(setCookies(out.response).proda_session).toBe("");
    expect((await callRoute(me.GET, "GET", { cookies })).status).toBe(401);
  });

  it("rejects an expired session and rotates a day-old one", async () => {
    const expired = await signInCookies();
    await prisma.session.update({ where: { tokenHash: hashSecret(expired.proda_session!) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await callRoute(me.GET, "GET", { cookies: expired })).status).toBe(401);

    const old = await signInCookies();
    await prisma.session.update({ where: { tokenHash: hashSecret(old.proda_session!) }, data: { createdAt: new Date(Date.now() - 2 * 86_400_000) } });
    const res = await callRoute(me.GET, "GET", { cookies: old });
    expect(res.status).toBe(200);
    const rotated = setCookies(res.response);
    expect(rotated.proda_session).toBeTruthy();
    expect(rotated.proda_session).not.toBe(old.proda_session);
    expect((await callRoute(me.GET, "GET", { cookies: old })).status).toBe(401);
    expect((await callRoute(me.GET, "GET", { cookies: rotated })).status).toBe(200);
  });

  it("signs a day-old session out for good (no rotation on sign-out)", async () => {
    const old = await signInCookies();
    await prisma.session.update({ where: { tokenHash: hashSecret(old.proda_session!) }, data: { createdAt: new Date(Date.now() - 2 * 86_400_000) } });
    const sessionsBefore = await prisma.session.count();
    const out = await callRoute(signOut.POST, "POST", { cookies: old, headers: { "x-csrf-token": old.proda_csrf! } });
    expect(out.status).toBe(204);
    expect(setCookies(out.response).proda_session).toBe("");
    expect(await prisma.session.count()).toBe(sessionsBefore - 1);
  });
});

describe("API tokens", () => {
  it("creates a token shown once, authenticates with it without CSRF, and revokes it", async () => {
    const cookies = await signInCookies();
    const csrf = { "x-csrf-token": cookies.proda_csrf! };
    const created = await callRoute(tokens.POST, "POST", { cookies, headers: csrf, body: { name: "cli" } });
    expect(created.status).toBe(201);
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^proda_/);
    const listed = await callRoute(tokens.GET, "GET", { cookies });
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const viaToken = await callRoute(projects.POST, "POST", { token: secret, body: { name: "from the CLI" } });
    expect(viaToken.status).toBe(201);

    const revoke = await callRoute(token.DELETE, "DELETE", { cookies, headers: csrf, params: { tokenId: created.body.token.id } });
    expect(revoke.status).toBe(204);
    expect((await callRoute(me.GET, "GET", { token: secret })).status).toBe(401);
  });
});
