// Projects, members and provider settings through their route handlers on the real database.
import { decryptSecret, parseSecretKey } from "@proda/core/server";
import { getPrisma } from "@proda/db";
import { beforeAll, describe, expect, it } from "vitest";
import { createProjectWithRoles, createUserWithToken } from "../../../prisma/factories/projects.ts";
import * as projects from "../app/api/v1/projects/route.ts";
import * as project from "../app/api/v1/projects/[projectId]/route.ts";
import * as members from "../app/api/v1/projects/[projectId]/members/route.ts";
import * as member from "../app/api/v1/projects/[projectId]/members/[userId]/route.ts";
import * as providers from "../app/api/v1/projects/[projectId]/providers/route.ts";
import * as provider from "../app/api/v1/projects/[projectId]/providers/[providerId]/route.ts";
import * as audit from "../app/api/v1/projects/[projectId]/audit/route.ts";
import { callRoute } from "./call-route.ts";

const prisma = getPrisma();
let fixture: Awaited<ReturnType<typeof createProjectWithRoles>>;
let owner: string;
let params: { projectId: string };

beforeAll(async () => {
  fixture = await createProjectWithRoles(prisma, ["owner", "engineer", "viewer"]);
  owner = fixture.members.owner.token;
  params = { projectId: fixture.project.id };
});

describe("projects", () => {
  it("creates a project owned by its creator, with the builtin provider as default", async () => {
    const { user, token } = await createUserWithToken(prisma, "creator");
    const res = await callRoute(projects.POST, "POST", { token, body: { name: "  Microbiology  " } });
    expect(res.status).toBe(201);
    expect(res.body.project).toMatchObject({ name: "Microbiology", role: "owner" });
    const list = await callRoute(projects.GET, "GET", { token });
    expect(list.body.projects.map((p: { id: string }) => p.id)).toEqual([res.body.project.id]);
    const membership = await prisma.membership.findFirstOrThrow({ where: { projectId: res.body.project.id } });
    expect(membership).toMatchObject({ userId: user.id, role: "owner" });
    const builtin = await prisma.providerConfig.findFirstOrThrow({ where: { projectId: res.body.project.id } });
    expect(builtin).toMatchObject({ kind: "builtin", isDefault: true });
    const events = await callRoute(audit.GET, "GET", { token, params: { projectId: res.body.project.id } });
    expect(events.body.items.map((e: { action: string }) => e.action)).toContain("project.create");
  });

  it("rejects an empty name with a field error and creates nothing", async () => {
    const before = await prisma.project.count();
    const res = await callRoute(projects.POST, "POST", { token: owner, body: { name: "   " } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fieldErrors.name).toBeDefined();
    expect(await prisma.project.count()).toBe(before);
  });

  it("hides other people's projects (404, not 403)", async () => {
    const { token } = await createUserWithToken(prisma, "stranger");
    const res = await callRoute(project.GET, "GET", { token, params });
    expect(res.status).toBe(404);
  });
});

describe("members", () => {
  it("lets the owner add a member by email, change the role and remove them", async () => {
    const { user } = await createUserWithToken(prisma, "newcomer");
    const added = await callRoute(members.POST, "POST", { token: owner, params, body: { email: user.email, role: "expert" } });
    expect(added.status).toBe(201);
    const again = await callRoute(members.POST, "POST", { token: owner, params, body: { email: user.email, role: "expert" } });
    expect(again.status).toBe(409);
    const changed = await callRoute(member.PATCH, "PATCH", { token: owner, params: { ...params, userId: user.id }, body: { role: "reviewer" } });
    expect(changed.body.member.role).toBe("reviewer");
    const removed = await callRoute(member.DELETE, "DELETE", { token: owner, params: { ...params, userId: user.id } });
    expect(removed.status).toBe(204);
  });

  it("never leaves a project without an owner", async () => {
    const ownerId = fixture.members.owner.userId;
    const demote = await callRoute(member.PATCH, "PATCH", { token: owner, params: { ...params, userId: ownerId }, body: { role: "viewer" } });
    expect(demote.status).toBe(409);
    const remove = await callRoute(member.DELETE, "DELETE", { token: owner, params: { ...params, userId: ownerId } });
    expect(remove.status).toBe(409);
    expect(await prisma.membership.count({ where: { projectId: params.projectId, role: "owner" } })).toBe(1);
  });

  it("tells the owner when the email has no account", async () => {
    const res = await callRoute(members.POST, "POST", { token: owner, params, body: { email: "ghost@test.proda.local", role: "viewer" } });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/ghost@test.proda.local/);
  });
});

describe("provider settings", () => {
  const secret = "sk-test-planted-0123456789abcdef";

  it("encrypts the key at rest and never returns it", async () => {
    const res = await callRoute(providers.POST, "POST", {
      token: fixture.members.engineer.token,
      params,
      body: { name: "openai", kind: "openai-compatible", baseUrl: "https://api.example.test/v1", model: "gpt-test", secret },
    });
    expect(res.status).toBe(201);
    expect(res.text).not.toContain(secret);
    expect(res.body.provider.secretMasked).toBe("••••cdef");
    const row = await prisma.providerConfig.findUniqueOrThrow({ where: { id: res.body.provider.id } });
    expect(row.secretEncrypted).not.toContain(secret);
    expect(decryptSecret(row.secretEncrypted!, parseSecretKey(process.env.PRODA_SECRET_KEY))).toBe(secret);

    const list = await callRoute(providers.GET, "GET", { token: owner, params });
    expect(list.text).not.toContain(secret);
    expect(list.text).not.toContain(row.secretEncrypted!);
    const events = await callRoute(audit.GET, "GET", { token: owner, params });
    expect(events.text).not.toContain(secret);
  });

  it("keeps the key when it is omitted, clears it when empty, and refuses a viewer", async () => {
    const created = await callRoute(providers.POST, "POST", {
      token: owner, params, body: { name: "local vllm", kind: "openai-compatible", baseUrl: "http://127.0.0.1:8000/v1", model: "m", secret },
    });
    const ids = { ...params, providerId: created.body.provider.id };
    const renamed = await callRoute(provider.PATCH, "PATCH", { token: owner, params: ids, body: { model: "m2" } });
    expect(renamed.body.provider).toMatchObject({ model: "m2", secretMasked: "••••cdef" });
    const cleared = await callRoute(provider.PATCH, "PATCH", { token: owner, params: ids, body: { secret: "" } });
    expect(cleared.body.provider.secretMasked).toBeNull();
    const denied = await callRoute(provider.PATCH, "PATCH", { token: fixture.members.viewer.token, params: ids, body: { model: "x" } });
    expect(denied.status).toBe(403);
  });

  it("validates what an OpenAI-compatible provider needs, and the URL scheme", async () => {
    const missing = await callRoute(providers.POST, "POST", { token: owner, params, body: { name: "bad", kind: "openai-compatible" } });
    expect(missing.status).toBe(400);
    const fileUrl = await callRoute(providers.POST, "POST", {
      token: owner, params, body: { name: "bad2", kind: "openai-compatible", baseUrl: "file:///etc/passwd", model: "m" },
    });
    expect(fileUrl.status).toBe(400);
    expect(await prisma.providerConfig.count({ where: { projectId: params.projectId, name: { startsWith: "bad" } } })).toBe(0);
  });
});
