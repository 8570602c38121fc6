// The model registry on real PostgreSQL: registering endpoint models on a project's provider (the
// key stays with the provider, paths stay on the server), the untrained student baseline, renames,
// deletes (cascade of unfinished evaluations, 409 for finished ones), roles and project scoping, and
// chat with the builtin student, which answers only from what its data taught and says so.
import { getPrisma } from "@proda/db";
import { beforeAll, describe, expect, it } from "vitest";
import { createEmptyKnowledgeVersion, registerTrainedStudent } from "../../../prisma/factories/evaluation.ts";
import { createBenchmark } from "../../../prisma/factories/benchmarks.ts";
import { createProjectWithRoles } from "../../../prisma/factories/projects.ts";
import * as chat from "../app/api/v1/projects/[projectId]/models/[modelId]/chat/route.ts";
import * as modelRoute from "../app/api/v1/projects/[projectId]/models/[modelId]/route.ts";
import * as models from "../app/api/v1/projects/[projectId]/models/route.ts";
import * as providers from "../app/api/v1/projects/[projectId]/providers/route.ts";
import { callRoute } from "./call-route.ts";

const prisma = getPrisma();
const SECRET = "sk-registry-0123456789abcdef";
let fx: Awaited<ReturnType<typeof createProjectWithRoles>>;
let projectId: string;
let providerId: string;

const token = (role: "owner" | "engineer" | "expert" | "viewer") => fx.members[role].token;
const register = (body: Record<string, unknown>, role: "engineer" | "viewer" = "engineer") =>
  callRoute(models.POST, "POST", { token: token(role), params: { projectId }, body });
/** A chat call read as text (callRoute parses JSON; a chat reply is an event stream). */
async function chatWith(modelId: string, messages: { role: string; content: string }[], role: "engineer" | "expert" | "viewer" = "expert") {
  const headers = { authorization: `Bearer ${token(role)}`, "content-type": "application/json" };
  const response = await chat.POST(new Request("http://localhost/x", { method: "POST", headers, body: JSON.stringify({ messages }) }), {
    params: Promise.resolve({ projectId, modelId }),
  });
  return { status: response.status, response, text: await response.text() };
}

/** The text of an SSE chat reply. */
const replyText = (sse: string) =>
  sse.split("\n\n").filter((b) => b.startsWith("data: ")).map((b) => JSON.parse(b.slice(6)).text as string).join("");

beforeAll(async () => {
  fx = await createProjectWithRoles(prisma, ["owner", "engineer", "expert", "viewer"]);
  projectId = fx.project.id;
  const res = await callRoute(providers.POST, "POST", {
    token: token("owner"), params: { projectId },
    body: { name: "vllm", kind: "openai-compatible", baseUrl: "http://127.0.0.1:9/v1", model: "llama-base", secret: SECRET },
  });
  expect(res.status, res.text).toBe(201);
  providerId = res.body.provider.id;
});

describe("model registry", () => {
  it("registers an endpoint model on a provider without ever returning its key", async () => {
    const res = await register({ name: "llama LoRA v1", backend: "endpoint", providerId, remoteModel: "lora-v1" });
    expect(res.status, res.text).toBe(201);
    expect(res.body.model).toMatchObject({ name: "llama LoRA v1", backend: "endpoint", kind: "endpoint", providerId, providerName: "vllm", remoteModel: "lora-v1", hasArtifact: false });
    // The provider's own model is the default remote id.
    const base = await register({ name: "llama base", backend: "openai", providerId });
    expect(base.body.model).toMatchObject({ kind: "base", remoteModel: "llama-base" });
    const list = await callRoute(models.GET, "GET", { token: token("viewer"), params: { projectId } });
    expect(list.body.models.map((m: { name: string }) => m.name)).toEqual(expect.arrayContaining(["llama LoRA v1", "llama base"]));
    expect(list.text).not.toContain(SECRET.slice(0, 8));
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { projectId, action: "model.register", targetId: res.body.model.id } });
    expect(JSON.stringify(audit.detail)).not.toContain(SECRET.slice(0, 8));
  });

  it("refuses duplicates, non-endpoint providers, other projects' providers and viewers", async () => {
    expect((await register({ name: "llama base", backend: "openai", providerId })).status).toBe(409);
    const builtin = await prisma.providerConfig.create({ data: { projectId, name: "offline", kind: "builtin" } });
    expect((await register({ name: "x", backend: "endpoint", providerId: builtin.id })).status).toBe(409);
    const other = await createProjectWithRoles(prisma, ["owner"]);
    const foreign = await prisma.providerConfig.create({ data: { projectId: other.project.id, name: "theirs", kind: "openai-compatible", baseUrl: "http://127.0.0.1:9/v1", model: "m" } });
    expect((await register({ name: "y", backend: "endpoint", providerId: foreign.id })).status).toBe(404);
    expect((await register({ name: "z", backend: "builtin-student" }, "viewer")).status).toBe(403);
    // A request can never name a model file.
    const withPath = await register({ name: "sneaky", backend: "builtin-student", artifactPath: "/etc/passwd" });
    expect(withPath.status).toBe(201);
    expect((await prisma.registeredModel.findUniqueOrThrow({ where: { id: withPath.body.model.id } })).artifactPath).toBeNull();
  });

  it("renames (409 on a taken name) and hides models from other projects (404)", async () => {
    const model = (await register({ name: "to rename", backend: "builtin-student" })).body.model;
    const params = { projectId, modelId: model.id };
    const renamed = await callRoute(modelRoute.PATCH, "PATCH", { token: token("engineer"), params, body: { name: "renamed" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.model.name).toBe("renamed");
    expect((await callRoute(modelRoute.PATCH, "PATCH", { token: token("engineer"), params, body: { name: "llama base" } })).status).toBe(409);
    expect((await callRoute(modelRoute.PATCH, "PATCH", { token: token("viewer"), params, body: { name: "nope" } })).status).toBe(403);
    const other = await createProjectWithRoles(prisma, ["owner"]);
    const peek = await callRoute(modelRoute.GET, "GET", { token: other.members.owner.token, params: { projectId: other.project.id, modelId: model.id } });
    expect(peek.status).toBe(404);
    expect(await prisma.auditEvent.count({ where: { projectId, action: "model.rename", targetId: model.id } })).toBe(1);
  });

  it("deletes a model with its unfinished evaluations, but keeps one with a finished evaluation", async () => {
    const version = await createEmptyKnowledgeVersion(prisma, projectId);
    const benchmark = await createBenchmark(prisma, { projectId, knowledgeVersionId: version.id, items: [{ question: "Q?", options: ["a b", "c d", "e f"] }] });
    const loose = (await register({ name: "loose", backend: "builtin-student" })).body.model;
    const kept = (await register({ name: "kept", backend: "builtin-student" })).body.model;
    const evaluation = (modelId: string, number: number, frozenAt: Date | null) =>
      prisma.evaluation.create({ data: { projectId, number, benchmarkId: benchmark.id, modelId, settings: {}, status: frozenAt ? "ready" : "failed", frozenAt } });
    const unfinished = await evaluation(loose.id, 901, null);
    await evaluation(kept.id, 902, new Date());

    const refused = await callRoute(modelRoute.DELETE, "DELETE", { token: token("engineer"), params: { projectId, modelId: kept.id } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/#902/);
    const removed = await callRoute(modelRoute.DELETE, "DELETE", { token: token("engineer"), params: { projectId, modelId: loose.id } });
    expect(removed.status).toBe(204);
    expect(await prisma.evaluation.findUnique({ where: { id: unfinished.id } })).toBeNull();
    expect(await prisma.auditEvent.count({ where: { projectId, action: "model.delete", targetId: loose.id } })).toBe(1);
  });
});

describe("chat with the builtin student", () => {
  const samples = [
    { messages: [{ role: "user", content: "What does heat do to pressure?" }, { role: "assistant", content: "Heat increases gas pressure." }] },
    { messages: [{ role: "user", content: "What does insulin do?" }, { role: "assistant", content: "Insulin lowers blood glucose." }] },
  ];

  it("answers a multiple-choice prompt from what it was taught, labelled as the builtin student", async () => {
    const student = await registerTrainedStudent(prisma, { projectId, samples, name: "tiny student" });
    const dto = (await callRoute(modelRoute.GET, "GET", { token: token("viewer"), params: { projectId, modelId: student.id } })).body.model;
    expect(dto).toMatchObject({ backend: "builtin-student", kind: "trained", hasArtifact: true });
    expect(JSON.stringify(dto)).not.toContain(student.artifactPath!);

    const prompt = "Which statement is true?\nA. Gas pressure increases heat.\nB. Heat decreases gas pressure.\nC. Heat increases gas pressure.";
    const res = await chatWith(student.id, [{ role: "user", content: prompt }]);
    expect(res.status).toBe(200);
    expect(res.response.headers.get("content-type")).toMatch(/text\/event-stream/);
    const text = replyText(res.text);
    expect(text).toMatch(/^\[builtin student/);
    expect(text).toMatch(/Answer: C$/);
    expect(res.text).toMatch(/event: done/);

    const open = replyText((await chatWith(student.id, [{ role: "user", content: "Tell me about blood glucose." }])).text);
    // Shown as the student read it: content words in order, the verb as its relation type.
    expect(open).toContain("insulin decreases blood glucose");
    expect(open).not.toContain("pressure");
  });

  it("reports a missing model file clearly, without the server path", async () => {
    const key = "0".repeat(64);
    const lost = await prisma.registeredModel.create({ data: { projectId, name: "lost file", backend: "builtin-student", kind: "trained", artifactPath: key } });
    const res = await chatWith(lost.id, [{ role: "user", content: "Hi" }]);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.text).error.message).toBe('The model file of "lost file" is missing from the server\'s data directory');
    expect(res.text).not.toContain(key);
  });

  it("says the untrained student knows nothing", async () => {
    const untrained = (await register({ name: "untrained chat", backend: "builtin-student" })).body.model;
    const text = replyText((await chatWith(untrained.id, [{ role: "user", content: "What does heat do?" }])).text);
    expect(text).toMatch(/trained on nothing/);
  });

  it("needs models.chat (viewer → 403) and bounded messages ending with the user's (400)", async () => {
    const untrained = (await register({ name: "bounds", backend: "builtin-student" })).body.model;
    expect((await chatWith(untrained.id, [{ role: "user", content: "Hi" }], "viewer")).status).toBe(403);
    expect((await chatWith(untrained.id, Array.from({ length: 51 }, () => ({ role: "user", content: "Hi" })))).status).toBe(400);
    expect((await chatWith(untrained.id, [{ role: "user", content: "x".repeat(16_001) }])).status).toBe(400);
    expect((await chatWith(untrained.id, [{ role: "user", content: "Hi" }, { role: "assistant", content: "Hello" }])).status).toBe(400);
  });
});
