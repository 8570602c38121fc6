// Extraction runs through an OpenAI-compatible provider, against the fake endpoint of the providers'
// test suite (loopback): with ~30 % faults (429, 500, hangs, malformed JSON, schema violations) the run
// completes with its rejects counted and retries bounded; the next run calls the endpoint only for
// what was rejected; the run after that is served entirely from the cache. The provider key never
// leaves the server.
import { randomBytes } from "node:crypto";
import { getPrisma } from "@proda/db";
import { closeProducer, getQueue } from "@proda/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAiServer, type TFakeFault, type TFakeServer } from "../../../packages/providers/test/fake-openai-server.ts";
import { createProjectWithRoles } from "../../../prisma/factories/projects.ts";
import { waitForJob } from "../../../prisma/factories/wait-for-job.ts";
import { startWorker, type WorkerProcess } from "../../worker/test/worker-process.ts";
import * as documents from "../app/api/v1/projects/[projectId]/corpus/documents/route.ts";
import * as settings from "../app/api/v1/projects/[projectId]/corpus/settings/route.ts";
import * as providers from "../app/api/v1/projects/[projectId]/providers/route.ts";
import * as versions from "../app/api/v1/projects/[projectId]/knowledge/versions/route.ts";
import * as version from "../app/api/v1/projects/[projectId]/knowledge/versions/[versionId]/route.ts";
import { callRoute } from "./call-route.ts";
import * as engineProse from "../../../packages/engine/test/knowledge/fixtures.ts";
import { ECONOMICS, MICROBIOLOGY } from "./fixtures/prose.ts";

const prisma = getPrisma();
process.env.PRODA_QUEUE_PREFIX = `test-${randomBytes(4).toString("hex")}`;
const SECRET = `sk-planted-${randomBytes(8).toString("hex")}`;
const MAX_RETRIES = 4; // the provider default
let fake: TFakeServer;
let faultsOn = true;
let kinds: readonly string[] = [];
let worker: WorkerProcess;
let projectId: string;
let token: string;
const responses: string[] = [];

async function runExtraction() {
  const started = await callRoute(versions.POST, "POST", { token, params: { projectId }, body: {} });
  responses.push(started.text);
  expect(started.status).toBe(202);
  expect((await waitForJob(prisma, started.body.version.jobId, 120_000)).status).toBe("completed");
  const res = await callRoute(version.GET, "GET", { token, params: { projectId, versionId: started.body.version.id } });
  responses.push(res.text);
  return res.body.version;
}

beforeAll(async () => {
  // 3 requests in 10 fail, cycling through the ways real endpoints do; repair_fails makes a chunk's
  // answer and its repair both malformed, so some chunks must end rejected.
  kinds = ["rate_limit", "server_error", "hang", "malformed", "schema_invalid", "repair_fails"];
  fake = await startFakeOpenAiServer({
    faults: ({ index, isRepair }) => (faultsOn && !isRepair && index % 10 % 3 === 1 ? (kinds[Math.floor(index / 3) % kinds.length] as TFakeFault) : "ok"),
    requireApiKey: SECRET,
  });
  const fixture = await createProjectWithRoles(prisma, ["owner"]);
  projectId = fixture.project.id;
  token = fixture.members.owner.token;
  worker = await startWorker({ PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX! });

  // Small chunks, so the two fixture sections make a dozen calls.
  expect((await callRoute(settings.PUT, "PUT", { token, params: { projectId }, body: { chunkTokens: 64, overlapTokens: 0 } })).status).toBe(200);
  const form = new FormData();
  form.append("files", new Blob([MICROBIOLOGY]), "microbiology/growth.md");
  form.append("files", new Blob([ECONOMICS]), "economics/markets.md");
  form.append("files", new Blob([engineProse.MICROBIOLOGY]), "microbiology/respiration.md");
  form.append("files", new Blob([engineProse.ECONOMICS]), "economics/price-controls.md");
  form.append("files", new Blob([engineProse.PROCESS]), "microbiology/vaccines.md");
  const upload = await documents.POST(
    new Request("http://localhost/x?process=true", { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({ projectId }) },
  );
  expect((await waitForJob(prisma, ((await upload.json()) as { jobId: string }).jobId, 120_000)).status).toBe("completed");

  const created = await callRoute(providers.POST, "POST", {
    token, params: { projectId },
    body: { name: "fake", kind: "openai-compatible", baseUrl: fake.baseUrl, model: "fake-model", secret: SECRET, isDefault: true, timeoutSeconds: 1, inputUsdPerMTok: 1, outputUsdPerMTok: 2 },
  });
  responses.push(created.text);
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await worker?.stop();
  await fake?.close();
  await getQueue("cpu").obliterate({ force: true }).catch(() => {});
  await closeProducer();
});

describe("extraction through an OpenAI-compatible endpoint", () => {
  let chunks: number;
  let rejectedFirst: number;

  it("completes despite ~30 % faults, counting rejects and bounding retries", async () => {
    chunks = await prisma.chunk.count({ where: { projectId, keep: true } });
    expect(chunks).toBeGreaterThanOrEqual(15);
    const v = await runExtraction();
    expect(v.status).toBe("ready");
    expect(v.chunksDone).toBe(chunks);
    rejectedFirst = v.chunksRejected;
    expect(rejectedFirst).toBeGreaterThan(0);
    expect(rejectedFirst).toBeLessThan(chunks);
    const rejectedByReason = v.report.rejected.reduce((n: number, r: { count: number }) => n + r.count, 0);
    expect(rejectedByReason).toBe(rejectedFirst);
    expect(v.promptTokens).toBeGreaterThan(0);
    expect(v.costUsd).toBeGreaterThan(0);
    expect(fake.stats.byFault.ok ?? 0).toBeGreaterThan(0);
    expect(Object.keys(fake.stats.byFault).filter((k) => k !== "ok").sort()).toEqual([...kinds].sort());
    // At most (retries + 1) requests for the answer and as many for the one repair turn, per chunk.
    expect(fake.stats.requests).toBeLessThanOrEqual(chunks * 2 * (MAX_RETRIES + 1));
    expect(await prisma.relation.count({ where: { versionId: v.id } })).toBeGreaterThan(0);
  });

  it("calls the endpoint again only for the chunks it rejected, then not at all", async () => {
    faultsOn = false;
    const before = fake.stats.requests;
    const second = await runExtraction();
    expect(second.chunksRejected).toBe(0);
    expect(second.cachedCalls).toBe(chunks - rejectedFirst);
    expect(fake.stats.requests - before).toBe(rejectedFirst);

    const settled = fake.stats.requests;
    const third = await runExtraction();
    expect(fake.stats.requests).toBe(settled);
    expect(third.cachedCalls).toBe(chunks);
    expect(third.costUsd).toBe(0);
    expect(await prisma.concept.count({ where: { versionId: third.id } })).toBe(await prisma.concept.count({ where: { versionId: second.id } }));
  });

  it("never lets the provider key out: API responses, job payloads, stored results, worker logs", async () => {
    for (const text of responses) expect(text).not.toContain(SECRET);
    const jobs = await prisma.job.findMany({ where: { projectId } });
    for (const j of jobs) expect(JSON.stringify(j)).not.toContain(SECRET);
    const results = await prisma.knowledgeChunkResult.findMany({ where: { version: { projectId } } });
    expect(JSON.stringify(results)).not.toContain(SECRET);
    const audit = await prisma.auditEvent.findMany({ where: { projectId } });
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect(worker.output()).not.toContain(SECRET);
    expect(fake.stats.authorizations.has(`Bearer ${SECRET}`)).toBe(true); // it was really used
  });
});
