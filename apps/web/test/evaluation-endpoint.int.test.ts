// Evaluation and chat against an OpenAI-compatible endpoint: a local fake that answers in the shapes
// real models use ("<think>…</think> Answer: B", "The answer is (C)", a bare letter), fails some first
// attempts with 500/429 and one item for good, and streams chat replies. Real PostgreSQL, Redis and a
// worker process. Proves: parsed answers and correctness stored per item, retries, a failing item
// recorded as an error without failing the run, tokens and cost, resume after a cancel without
// re-asking, streaming chat, and that the provider key never shows in a reply or a stored error.
//
// The fake lives here rather than in packages/providers/test/fake-openai-server.ts, which answers
// extraction JSON only and does not stream.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { getPrisma } from "@proda/db";
import { cancelJob, closeProducer, enqueueJob, getQueue } from "@proda/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBenchmark } from "../../../prisma/factories/benchmarks.ts";
import { createEmptyKnowledgeVersion } from "../../../prisma/factories/evaluation.ts";
import { createProjectWithRoles } from "../../../prisma/factories/projects.ts";
import { waitForJob } from "../../../prisma/factories/wait-for-job.ts";
import { startWorker, type WorkerProcess } from "../../worker/test/worker-process.ts";
import * as evaluations from "../app/api/v1/projects/[projectId]/evaluations/route.ts";
import * as evaluationRoute from "../app/api/v1/projects/[projectId]/evaluations/[evaluationId]/route.ts";
import * as chat from "../app/api/v1/projects/[projectId]/models/[modelId]/chat/route.ts";
import * as models from "../app/api/v1/projects/[projectId]/models/route.ts";
import * as providers from "../app/api/v1/projects/[projectId]/providers/route.ts";
import { callRoute } from "./call-route.ts";

const prisma = getPrisma();
process.env.PRODA_QUEUE_PREFIX = `test-${randomBytes(4).toString("hex")}`;
const KEY = `sk-fake-${randomBytes(12).toString("hex")}`;
const LETTERS = "ABCD";
const USAGE = { prompt_tokens: 50, completion_tokens: 10 };
const CHAT_PIECES = ["Hello", ", ", "eval", "uator", "!"];

// ── The fake endpoint ──
interface TPlanted { question: string; gold: string; position: number }
const planted = new Map<string, TPlanted>();
const asked = new Map<string, number>();
const bodies: Record<string, unknown>[] = [];
let lastPieceSentAt = 0;

/** What the "model" picks: the gold answer on every third item, a wrong letter otherwise. */
const letterFor = (p: TPlanted) => (p.position % 3 === 0 ? p.gold : LETTERS[(LETTERS.indexOf(p.gold) + 1) % 4]!);
const SHAPES = [
  (l: string) => `<think>Option A looks tempting, and so does the answer is D, but no.</think>\nAnswer: ${l}`,
  (l: string) => `The answer is (${l})`,
  (l: string) => l,
];

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

async function streamReply(res: ServerResponse, remoteModel: string) {
  res.writeHead(200, { "content-type": "text/event-stream" });
  for (const [i, piece] of CHAT_PIECES.entries()) {
    if (remoteModel === "fake-break" && i === 2) return res.destroy(); // the connection drops mid-reply
    res.write(`data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 0, model: remoteModel, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`);
    lastPieceSentAt = Date.now();
    await sleep(30);
  }
  res.end("data: [DONE]\n\n");
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  let raw = "";
  for await (const part of req) raw += part;
  const body = JSON.parse(raw) as { model: string; stream?: boolean; messages: { role: string; content: string }[] };
  bodies.push(body);
  const auth = req.headers.authorization ?? "";
  // As OpenAI's own 401 does, the message echoes the key it was given.
  if (auth !== `Bearer ${KEY}`) return send(res, 401, { error: { message: `Incorrect API key provided: ${auth.replace("Bearer ", "")}`, type: "invalid_request_error" } });
  if (body.stream) return streamReply(res, body.model);
  const user = body.messages.find((m) => m.role === "user")!.content;
  const item = planted.get(user.split("\n\n")[0]!)!;
  const attempt = (asked.get(item.question) ?? 0) + 1;
  asked.set(item.question, attempt);
  if (item.question.startsWith("R")) {
    await sleep(40); // the resume benchmark: slow, never failing
  } else if (item.position === 7) {
    // A careless endpoint whose 500 echoes the Authorization header: it must be redacted before storage.
    return send(res, 500, { error: { message: `upstream failed for ${auth}`, type: "server_error" } }, { "retry-after-ms": "5" });
  } else if (item.position % 5 === 1 && attempt === 1) {
    return send(res, 500, { error: { message: "overloaded", type: "server_error" } }, { "retry-after-ms": "5" });
  } else if (item.position % 5 === 2 && attempt === 1) {
    return send(res, 429, { error: { message: "slow down", type: "requests" } }, { "retry-after-ms": "5" });
  }
  const content = SHAPES[item.position % SHAPES.length]!(letterFor(item));
  send(res, 200, { id: "x", object: "chat.completion", created: 0, model: body.model, choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }], usage: { ...USAGE, total_tokens: 60 } });
}

const server = createServer((req, res) => void handle(req, res).catch((e) => send(res, 500, { error: { message: String(e) } })));

// ── Fixture ──
let worker: WorkerProcess;
let fx: Awaited<ReturnType<typeof createProjectWithRoles>>;
let projectId: string;
let modelId: string;
const benchmarks: Record<"main" | "resume", string> = { main: "", resume: "" };
const engineer = () => fx.members.engineer.token;

async function plantBenchmark(prefix: string, count: number, versionId: string) {
  const items = Array.from({ length: count }, (_, n) => ({
    question: `${prefix}${n}: which statement about topic ${n} holds?`,
    options: LETTERS.split("").map((l) => `topic ${n} statement ${l.toLowerCase()}`),
    correct: n % 4,
  }));
  items.forEach((item, position) => planted.set(item.question, { question: item.question, gold: LETTERS[item.correct]!, position }));
  return (await createBenchmark(prisma, { projectId, knowledgeVersionId: versionId, items })).id;
}

async function addProvider(name: string, secret: string) {
  const res = await callRoute(providers.POST, "POST", {
    token: fx.members.owner.token, params: { projectId },
    body: { name, kind: "openai-compatible", baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, model: "fake-default", secret, inputUsdPerMTok: 1, outputUsdPerMTok: 2 },
  });
  expect(res.status, res.text).toBe(201);
  return res.body.provider.id as string;
}

async function registerEndpoint(name: string, providerId: string, remoteModel: string) {
  const res = await callRoute(models.POST, "POST", { token: engineer(), params: { projectId }, body: { name, backend: "endpoint", providerId, remoteModel } });
  expect(res.status, res.text).toBe(201);
  expect(JSON.stringify(res.body)).not.toContain(KEY);
  return res.body.model.id as string;
}

async function startEvaluation(benchmarkId: string, settings: Record<string, unknown>) {
  const res = await callRoute(evaluations.POST, "POST", { token: engineer(), params: { projectId }, body: { benchmarkId, modelId, settings } });
  expect(res.status, res.text).toBe(202);
  return res.body.evaluation as { id: string; jobId: string };
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  worker = await startWorker({ PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX! });
  fx = await createProjectWithRoles(prisma, ["owner", "engineer", "viewer"]);
  projectId = fx.project.id;
  const version = await createEmptyKnowledgeVersion(prisma, projectId);
  benchmarks.main = await plantBenchmark("Q", 24, version.id);
  benchmarks.resume = await plantBenchmark("R", 30, version.id);
  modelId = await registerEndpoint("fake endpoint", await addProvider("fake", KEY), "fake-model-x");
});

afterAll(async () => {
  await worker?.stop();
  await getQueue("cpu").obliterate({ force: true }).catch(() => {});
  await closeProducer();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("evaluation through an OpenAI-compatible endpoint", () => {
  it("parses every reply shape, retries 500/429, records a failing item as an error, counts tokens and cost", async () => {
    const started = await startEvaluation(benchmarks.main, { concurrency: 4, maxRetries: 2, temperature: 0, maxTokens: 256 });
    expect((await waitForJob(prisma, started.jobId)).status).toBe("completed");
    const evaluation = await prisma.evaluation.findUniqueOrThrow({ where: { id: started.id } });
    expect(evaluation.status).toBe("ready");
    expect(evaluation.frozenAt).not.toBeNull();

    const items = await prisma.benchmarkItem.findMany({ where: { benchmarkId: benchmarks.main } });
    const results = new Map((await prisma.evaluationResult.findMany({ where: { evaluationId: started.id } })).map((r) => [r.itemId, r]));
    expect(results.size).toBe(24);
    for (const item of items) {
      const result = results.get(item.id)!;
      const p = planted.get(item.question)!;
      if (p.position === 7) {
        expect(result).toMatchObject({ method: "error", correct: false, parsed: null });
        expect(result.error).toMatch(/failed after 3 attempts.*HTTP 500/);
        expect(result.error).toContain("[redacted]");
        expect(result.error).not.toContain(KEY.slice(0, 8));
        expect(asked.get(item.question)).toBe(3);
        continue;
      }
      expect(result.parsed, result.raw).toBe(letterFor(p));
      expect(result.correct).toBe(letterFor(p) === item.answer);
      expect(result.method).toBe(p.position % 3 === 2 ? "final_line" : "label");
      // One retry after a first 500 or 429, none otherwise.
      expect(asked.get(item.question)).toBe(p.position % 5 === 1 || p.position % 5 === 2 ? 2 : 1);
    }
    const answered = 23;
    expect(evaluation.promptTokens).toBe(answered * USAGE.prompt_tokens);
    expect(evaluation.completionTokens).toBe(answered * USAGE.completion_tokens);
    expect(evaluation.costUsd).toBeCloseTo(answered * (50 * 1 + 10 * 2) / 1e6, 9);
    const correct = [...results.values()].filter((r) => r.correct).length;
    expect(correct).toBe(items.filter((i) => planted.get(i.question)!.position % 3 === 0 && planted.get(i.question)!.position !== 7).length);
    const summary = evaluation.summary as { total: { items: number; correct: number }; unparsed: number };
    expect(summary.total).toMatchObject({ items: 24, correct });
    expect(summary.unparsed).toBe(1);
    // The fixed prompt and the evaluation's settings reached the endpoint.
    const sent = bodies.find((b) => !b.stream) as { model: string; temperature: number; max_tokens: number; messages: { role: string; content: string }[] };
    expect(sent).toMatchObject({ model: "fake-model-x", temperature: 0, max_tokens: 256 });
    expect(sent.messages[1]!.content).toMatch(/\nA\. .*\nB\. .*\nC\. .*\nD\. .*\n[\s\S]*Answer: <letters>/);
  });

  it("resumes a cancelled evaluation without asking an answered item again", async () => {
    const started = await startEvaluation(benchmarks.resume, { concurrency: 1 });
    const deadline = Date.now() + 20_000;
    while ((await prisma.evaluationResult.count({ where: { evaluationId: started.id } })) < 3 && Date.now() < deadline) await sleep(20);
    await cancelJob(prisma, started.jobId);
    expect((await waitForJob(prisma, started.jobId)).status).toBe("cancelled");
    const dto = (await callRoute(evaluationRoute.GET, "GET", { token: engineer(), params: { projectId, evaluationId: started.id } })).body.evaluation;
    expect(dto.status).toBe("cancelled");
    const before = await prisma.evaluationResult.count({ where: { evaluationId: started.id } });
    console.log(`resume: ${before} of 30 answered before the cancel`);
    expect(before).toBeGreaterThanOrEqual(3);
    expect(before).toBeLessThan(30);
    const askedBefore = [...asked.entries()].filter(([q]) => q.startsWith("R")).length;
    expect(askedBefore).toBe(before);

    const job = await enqueueJob(prisma, "evaluation.run", { projectId, evaluationId: started.id }, { projectId });
    expect((await waitForJob(prisma, job.id)).status).toBe("completed");
    const evaluation = await prisma.evaluation.findUniqueOrThrow({ where: { id: started.id } });
    expect(evaluation).toMatchObject({ status: "ready", itemsDone: 30, jobId: job.id });
    expect(await prisma.evaluationResult.count({ where: { evaluationId: started.id } })).toBe(30);
    const resumeAsks = [...asked.entries()].filter(([q]) => q.startsWith("R"));
    expect(resumeAsks.length).toBe(30);
    expect(resumeAsks.every(([, n]) => n === 1)).toBe(true);
  });
});

describe("model chat through an endpoint", () => {
  /** The SSE events of a chat reply, with when each network piece arrived. */
  async function readEvents(res: Response) {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const arrivals: number[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      arrivals.push(Date.now());
      text += decoder.decode(value, { stream: true });
    }
    const events = text.split("\n\n").filter(Boolean).map((block) => ({
      event: /^event: (.+)$/m.exec(block)?.[1] ?? "message",
      data: JSON.parse(/^data: (.+)$/m.exec(block)![1]!),
    }));
    return { text, events, arrivals };
  }

  const post = (id: string, messages: { role: string; content: string }[], token = engineer()) =>
    chat.POST(
      new Request("http://localhost/x", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ messages }) }),
      { params: Promise.resolve({ projectId, modelId: id }) },
    );

  it("streams the reply piece by piece, and the key never appears", async () => {
    const res = await post(modelId, [{ role: "user", content: "Say hello." }]);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const { text, events, arrivals } = await readEvents(res);
    const pieces = events.filter((e) => e.event === "message").map((e) => e.data.text);
    expect(pieces).toEqual(CHAT_PIECES);
    expect(events.at(-1)!.event).toBe("done");
    // The first piece reached us before the endpoint had sent its last one: streamed, not buffered.
    expect(arrivals[0]!).toBeLessThan(lastPieceSentAt);
    expect(text).not.toContain(KEY.slice(0, 8));
    const sent = bodies.filter((b) => b.stream).at(-1)!;
    expect(sent).toMatchObject({ model: "fake-model-x", stream: true, messages: [{ role: "user", content: "Say hello." }] });
  });

  it("ends with an error event when the endpoint drops mid-reply", async () => {
    const broken = await registerEndpoint("breaks", (await prisma.registeredModel.findUniqueOrThrow({ where: { id: modelId } })).providerId!, "fake-break");
    const { events, text } = await readEvents(await post(broken, [{ role: "user", content: "Say hello." }]));
    expect(events.filter((e) => e.event === "message").map((e) => e.data.text)).toEqual(CHAT_PIECES.slice(0, 2));
    expect(events.at(-1)).toMatchObject({ event: "error", data: { message: expect.stringMatching(/broke off/) } });
    expect(text).not.toContain(KEY.slice(0, 8));
  });

  it("answers a refused key with a clear error that does not echo the key", async () => {
    const wrong = `sk-wrong-${randomBytes(12).toString("hex")}`;
    const refused = await registerEndpoint("wrong key", await addProvider("fake-wrong-key", wrong), "fake-model-x");
    const res = await post(refused, [{ role: "user", content: "Hi" }]);
    const body = await res.text();
    expect(res.status).toBe(400);
    expect(body).toMatch(/refused the request \(HTTP 401/);
    expect(body).not.toContain(wrong.slice(0, 8));
    expect(body).not.toContain(KEY.slice(0, 8));
  });
});
