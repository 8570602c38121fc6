// A planted provider key through the whole product: a closed loop whose extraction and benchmark
// wording go through an OpenAI-compatible endpoint on loopback holding the key, plus an endpoint
// model evaluated through it. Afterwards the key is searched for in every API response (each GET
// route with every id the run produced, every export format), every log line of the web and the
// worker, every job payload in PostgreSQL and in Redis, every row of every table, and every file the
// run wrote. It appears nowhere — and the endpoint did receive it, so it was really used.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { getPrisma } from "@proda/db";
import { closeProducer, getQueue, producerConnection } from "@proda/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startFakeOpenAiServer, type TFakeServer } from "../../../packages/providers/test/fake-openai-server.ts";
import { waitForJob } from "../../../prisma/factories/wait-for-job.ts";
import { routeFiles } from "../../../scripts/openapi.ts";
import { startWorker, type WorkerProcess } from "../../worker/test/worker-process.ts";
import * as providers from "../app/api/v1/projects/[projectId]/providers/route.ts";
import * as loops from "../app/api/v1/projects/[projectId]/loops/route.ts";
import * as loop from "../app/api/v1/projects/[projectId]/loops/[loopId]/route.ts";
import * as models from "../app/api/v1/projects/[projectId]/models/route.ts";
import * as evaluations from "../app/api/v1/projects/[projectId]/evaluations/route.ts";
import type { RouteHandler } from "../src/server/route.ts";
import { callRoute } from "./call-route.ts";
import { createProjectWithRoles } from "../../../prisma/factories/projects.ts";
import * as documents from "../app/api/v1/projects/[projectId]/corpus/documents/route.ts";
import { demoCorpusFiles } from "./fixtures/knowledge-project.ts";

const prisma = getPrisma();
process.env.PRODA_QUEUE_PREFIX = `test-${randomBytes(4).toString("hex")}`;
const SECRET = `sk-planted-${randomBytes(12).toString("hex")}`;
/** The key and the forms it could leak in besides plain text. */
const FORMS = [SECRET, Buffer.from(SECRET).toString("base64"), encodeURIComponent(SECRET), SECRET.slice(0, 20)];
const API_DIR = path.resolve(import.meta.dirname, "../app/api/v1");
const startedAt = Date.now();

let fake: TFakeServer;
let worker: WorkerProcess;
let projectId: string;
let token: string;
const responses: { what: string; text: string }[] = [];
const webLog: string[] = [];
const restoreWrites: (() => void)[] = [];

function leaks(text: string): string | null {
  return FORMS.find((form) => text.includes(form)) ?? null;
}

/** Keeps every line the web side (this process) writes to its output, as a server's log would. */
function teeOutput(stream: NodeJS.WriteStream) {
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    webLog.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof stream.write;
  restoreWrites.push(() => (stream.write = write));
}

/** And every console line (the test runner takes those before they reach a stream). */
function teeConsole() {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      webLog.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
      original(...args);
    };
    restoreWrites.push(() => (console[method] = original));
  }
}

async function record(what: string, pending: Promise<{ status: number; text: string }>) {
  const res = await pending;
  responses.push({ what, text: res.text });
  return res;
}

beforeAll(async () => {
  teeOutput(process.stdout);
  teeOutput(process.stderr);
  teeConsole();
  fake = await startFakeOpenAiServer({ requireApiKey: SECRET });
  worker = await startWorker({ PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX! });
  const fixture = await createProjectWithRoles(prisma, ["owner"]);
  projectId = fixture.project.id;
  token = fixture.members.owner.token;

  const form = new FormData();
  for (const file of demoCorpusFiles()) form.append("files", new Blob([file.text]), file.name);
  const upload = await documents.POST(
    new Request("http://localhost/x?process=true", { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({ projectId }) },
  );
  expect((await waitForJob(prisma, ((await upload.json()) as { jobId: string }).jobId, 120_000)).status).toBe("completed");
}, 180_000);

afterAll(async () => {
  for (const restore of restoreWrites) restore();
  await worker?.stop();
  await fake?.close();
  await getQueue("cpu").obliterate({ force: true }).catch(() => {});
  await closeProducer();
});

describe("a planted provider key", () => {
  let providerId: string;
  let loopId: string;

  it("drives a whole loop and an endpoint evaluation through the endpoint", async () => {
    const created = await record("create provider", callRoute(providers.POST, "POST", {
      token, params: { projectId },
      body: { name: "planted", kind: "openai-compatible", baseUrl: fake.baseUrl, model: "fake-model", secret: SECRET, isDefault: true, timeoutSeconds: 5 },
    }));
    expect(created.status, created.text).toBe(201);
    providerId = JSON.parse(created.text).provider.id;

    const started = await record("start loop", callRoute(loops.POST, "POST", {
      token, params: { projectId },
      body: { settings: { providerId, v1: { share: 0.3, seed: 1 }, patch: { budget: 300, replayRatio: 0.65, seed: 1 } } },
    }));
    expect(started.status, started.text).toBe(202);
    loopId = JSON.parse(started.text).loop.id;
    const deadline = Date.now() + 240_000;
    let status = "queued";
    while (["queued", "running"].includes(status)) {
      if (Date.now() > deadline) throw new Error(`loop stuck in ${status}`);
      await sleep(250);
      const res = await callRoute(loop.GET, "GET", { token, params: { projectId, loopId } });
      status = res.body.loop.status;
      if (!["queued", "running"].includes(status)) expect(status, res.text).toBe("succeeded");
    }
    const artifacts = (await prisma.loopRun.findUniqueOrThrow({ where: { id: loopId } })).artifacts as Record<string, string>;
    const version = await prisma.knowledgeVersion.findUniqueOrThrow({ where: { id: artifacts.knowledgeVersionId! } });
    expect((version.settings as { providerId?: string }).providerId, "the loop extracted through the endpoint").toBe(providerId);

    const model = await record("register endpoint model", callRoute(models.POST, "POST", {
      token, params: { projectId }, body: { name: "planted endpoint", backend: "endpoint", providerId, remoteModel: "fake-model" },
    }));
    expect(model.status, model.text).toBe(201);
    const evaluation = await record("start evaluation", callRoute(evaluations.POST, "POST", {
      token, params: { projectId }, body: { benchmarkId: artifacts.benchmarkId, modelId: JSON.parse(model.text).model.id, settings: { concurrency: 4 } },
    }));
    expect(evaluation.status, evaluation.text).toBe(202);
    expect((await waitForJob(prisma, JSON.parse(evaluation.text).evaluation.jobId, 120_000)).status).toBe("completed");

    expect(fake.stats.authorizations.has(`Bearer ${SECRET}`)).toBe(true);
    expect(fake.stats.requests).toBeGreaterThan(20);
  }, 400_000);

  it("is in no API response: every GET route with every id of the run, every export format", async () => {
    const ids = await idsOfProject();
    let calls = 0;
    for (const file of routeFiles(API_DIR)) {
      const mod = (await import(file)) as { GET?: RouteHandler };
      if (!mod.GET) continue;
      const segments = path.relative(API_DIR, path.dirname(file)).split(path.sep);
      for (const params of paramCombinations(segments, ids)) {
        for (const query of queryVariants(mod.GET.input)) {
          const text = await readResponse(mod.GET, segments, params, query);
          responses.push({ what: `GET /${segments.join("/")} ${JSON.stringify(params)} ${query}`, text });
          calls += 1;
        }
      }
    }
    expect(calls).toBeGreaterThan(80);
    const exports = responses.filter((r) => r.what.includes("/export") && r.text.length > 100);
    expect(exports.length, "every export route answered with content").toBeGreaterThanOrEqual(10);
    for (const { what, text } of responses) expect(leaks(text), what).toBeNull();
  }, 120_000);

  it("is in no log line of the web app or the worker", () => {
    expect(webLog.length + worker.output().length).toBeGreaterThan(0);
    expect(leaks(webLog.join(""))).toBeNull();
    expect(leaks(worker.output())).toBeNull();
  });

  it("is in no job payload or result, in PostgreSQL or in Redis", async () => {
    const jobs = await prisma.job.findMany({ where: { projectId } });
    expect(jobs.length).toBeGreaterThan(10);
    expect(leaks(JSON.stringify(jobs))).toBeNull();
    const redis = producerConnection();
    const keys = await redis.keys(`${process.env.PRODA_QUEUE_PREFIX}:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const type = await redis.type(key);
      const value =
        type === "hash" ? await redis.hgetall(key)
        : type === "list" ? await redis.lrange(key, 0, -1)
        : type === "set" ? await redis.smembers(key)
        : type === "zset" ? await redis.zrange(key, "0", "-1")
        : type === "string" ? await redis.get(key)
        : type === "stream" ? await redis.xrange(key, "-", "+")
        : null;
      expect(leaks(JSON.stringify(value)), key).toBeNull();
    }
  });

  it("is in no row of any table (only its ciphertext is stored) and in no file the run wrote", async () => {
    const tables = await prisma.$queryRaw<{ name: string }[]>`
      SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
    expect(tables.length).toBeGreaterThan(20);
    for (const { name } of tables) {
      const hits = await prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${name}" t WHERE t::text LIKE '%' || $1 || '%' OR t::text LIKE '%' || $2 || '%'`,
        SECRET, FORMS[1],
      );
      expect(hits[0]!.n, `table ${name}`).toBe(0);
    }
    const stored = await prisma.providerConfig.findUniqueOrThrow({ where: { id: providerId } });
    expect(stored.secretEncrypted).toMatch(/^v1:/);

    const dataDir = process.env.PRODA_DATA_DIR;
    expect(dataDir, "PRODA_DATA_DIR is set for the tests").toBeTruthy();
    const written = filesWrittenSince(dataDir!, startedAt);
    expect(written.length).toBeGreaterThan(0);
    for (const file of written) expect(leaks(readFileSync(file).toString("latin1")), file).toBeNull();
  });

  async function idsOfProject(): Promise<Record<string, string[]>> {
    const where = { projectId };
    const version = await prisma.knowledgeVersion.findFirstOrThrow({ where, orderBy: { createdAt: "desc" } });
    const ofVersion = { versionId: version.id };
    const pick = <T extends { id: string }>(rows: T[]) => rows.map((r) => r.id);
    const [documents, concepts, relations, chains, benchmarks, datasets, training, evaluationsList, diagnosisRuns, diagnoses, modelsList, jobs, layouts] = await Promise.all([
      prisma.document.findMany({ where, take: 1 }),
      prisma.concept.findMany({ where: ofVersion, take: 1 }),
      prisma.relation.findMany({ where: ofVersion, take: 1 }),
      prisma.chain.findMany({ where: ofVersion, take: 1 }),
      prisma.benchmark.findMany({ where }),
      prisma.datasetVersion.findMany({ where }),
      prisma.trainingRun.findMany({ where }),
      prisma.evaluation.findMany({ where }),
      prisma.diagnosisRun.findMany({ where }),
      prisma.diagnosis.findMany({ where: { run: { projectId } }, take: 1 }),
      prisma.registeredModel.findMany({ where }),
      prisma.job.findMany({ where, take: 3, orderBy: { createdAt: "desc" } }),
      prisma.graphLayout.findMany({ where: ofVersion, take: 1 }),
    ]);
    const items = await prisma.benchmarkItem.findMany({ where: { benchmarkId: { in: pick(benchmarks) } }, take: 1 });
    const owner = await prisma.membership.findFirstOrThrow({ where });
    return {
      projectId: [projectId], versionId: [version.id], documentId: pick(documents), conceptId: pick(concepts), relationId: pick(relations),
      chainId: pick(chains), benchmarkId: pick(benchmarks), itemId: pick(items), datasetId: pick(datasets),
      runId: [...pick(training), ...pick(diagnosisRuns)], evaluationId: pick(evaluationsList), diagnosisId: pick(diagnoses),
      modelId: pick(modelsList), jobId: pick(jobs), layoutId: pick(layouts), loopId: [loopId], providerId: [providerId],
      userId: [owner.userId], scoreId: [], tokenId: [],
    };
  }
});

/** Every assignment of the route's [params] from the ids the run produced (none if one has no id). */
function paramCombinations(segments: string[], ids: Record<string, string[]>): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const segment of segments) {
    const name = segment.match(/^\[(\w+)\]$/)?.[1];
    if (!name) continue;
    const values = ids[name] ?? [];
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [name]: v })));
  }
  return combos;
}

/** "" plus one query string per value of each enum field of the GET schema (export formats and the like). */
function queryVariants(schema: z.ZodType | undefined): string[] {
  if (!schema) return [""];
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, { enum?: unknown[] }> };
  const variants = [""];
  for (const [field, property] of Object.entries(json.properties ?? {})) {
    for (const value of property.enum ?? []) variants.push(`${field}=${encodeURIComponent(String(value))}`);
  }
  return variants;
}

/** The whole body, or what a stream sends in its first half second. */
async function readResponse(handler: RouteHandler, segments: string[], params: Record<string, string>, query: string): Promise<string> {
  const urlPath = segments.map((s) => params[s.match(/^\[(\w+)\]$/)?.[1] ?? ""] ?? s).join("/");
  const req = new Request(`http://localhost/api/v1/${urlPath}${query ? `?${query}` : ""}`, { headers: { authorization: `Bearer ${token}` } });
  const res = await handler(req, { params: Promise.resolve(params) });
  expect(res.status, `GET /${urlPath}?${query}`).toBeLessThan(500);
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  const until = Date.now() + 500;
  for (;;) {
    const next = await Promise.race([reader.read(), sleep(Math.max(0, until - Date.now())).then(() => null)]);
    if (!next || next.done) break;
    chunks.push(next.value);
  }
  await reader.cancel().catch(() => {});
  return Buffer.concat(chunks).toString("latin1");
}

function filesWrittenSince(dir: string, since: number): string[] {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesWrittenSince(full, since);
    return entry.isFile() && statSync(full).mtimeMs >= since ? [full] : [];
  });
}
