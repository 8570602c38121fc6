// Benchmark wording through an OpenAI-compatible provider (a loopback endpoint that rewrites item
// texts): reworded texts are stored while keys, answers and distractor records stay exactly those of
// the builtin run; a reply that breaks option-length parity keeps the template wording and is
// counted; a resumed run is served from the LLM cache.
import { randomBytes } from "node:crypto";
import { getPrisma, type BenchmarkItem } from "@proda/db";
import type { TItemOption } from "@proda/engine";
import { closeProducer, enqueueJob, getQueue } from "@proda/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJsonChatEndpoint, type TJsonChatEndpoint } from "../../../prisma/factories/json-chat-endpoint.ts";
import { waitForJob } from "../../../prisma/factories/wait-for-job.ts";
import { startWorker, type WorkerProcess } from "../../worker/test/worker-process.ts";
import * as benchmarks from "../app/api/v1/projects/[projectId]/benchmarks/route.ts";
import * as benchmarkRoute from "../app/api/v1/projects/[projectId]/benchmarks/[benchmarkId]/route.ts";
import * as providers from "../app/api/v1/projects/[projectId]/providers/route.ts";
import { callRoute } from "./call-route.ts";
import { createKnowledgeProject } from "./fixtures/knowledge-project.ts";

const prisma = getPrisma();
process.env.PRODA_QUEUE_PREFIX = `test-${randomBytes(4).toString("hex")}`;
const SECRET = `sk-planted-${randomBytes(8).toString("hex")}`;
let worker: WorkerProcess;
let fx: Awaited<ReturnType<typeof createKnowledgeProject>>;
let endpoint: TJsonChatEndpoint;

// The endpoint's rewording: a prefix on the question and the same tail on every option (parity
// kept), except for items whose first option has a length divisible by 3: that option is tripled.
const breaksParity = (options: string[]) => options[0]!.length % 3 === 0;
const reword = (text: string) => `${text.replace(/\.$/, "")}, as the source says.`;

function startWordingEndpoint() {
  return startJsonChatEndpoint((request) => {
    const item = request as { question: string; options: string[] };
    const options = breaksParity(item.options) ? item.options.map((o, i) => (i === 0 ? `${o} ${o} ${o}` : o)) : item.options.map(reword);
    return { question: `Reworded: ${item.question}`, options };
  });
}

beforeAll(async () => {
  endpoint = await startWordingEndpoint();
  worker = await startWorker({ PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX! });
  fx = await createKnowledgeProject(prisma, ["owner"]);
});

afterAll(async () => {
  await worker?.stop();
  await endpoint?.close();
  await getQueue("cpu").obliterate({ force: true }).catch(() => {});
  await closeProducer();
});

const optionsOf = (item: Pick<BenchmarkItem, "options">) => item.options as unknown as TItemOption[];
const loadItems = (benchmarkId: string) => prisma.benchmarkItem.findMany({ where: { benchmarkId }, orderBy: { position: "asc" } });

async function generate(body: Record<string, unknown>) {
  const res = await callRoute(benchmarks.POST, "POST", { token: fx.token, params: { projectId: fx.projectId }, body: { knowledgeVersionId: fx.versionId, settings: { seed: 3, itemsPerChain: 2 }, ...body } });
  expect(res.status, res.text).toBe(202);
  const job = await waitForJob(prisma, res.body.benchmark.jobId);
  expect(job.status, job.error ?? "").toBe("completed");
  return { benchmark: res.body.benchmark, job };
}

describe("benchmark wording through an OpenAI-compatible provider", () => {
  it("stores reworded texts with the builtin run's answers, keeping the template where parity breaks", async () => {
    const template = await generate({});
    const created = await callRoute(providers.POST, "POST", {
      token: fx.token, params: { projectId: fx.projectId },
      body: { name: "wording", kind: "openai-compatible", baseUrl: endpoint.baseUrl, model: "fake-model", secret: SECRET, isDefault: false, timeoutSeconds: 5 },
    });
    expect(created.status).toBe(201);
    const { benchmark, job } = await generate({ providerId: created.body.provider.id });
    expect(benchmark).toMatchObject({ providerKind: "openai-compatible", providerName: "wording" });

    const plain = await loadItems(template.benchmark.id);
    const worded = await loadItems(benchmark.id);
    expect(worded.length).toBeGreaterThan(10);
    expect(worded.map((i) => i.key)).toEqual(plain.map((i) => i.key));
    expect(endpoint.requests()).toBe(worded.length);
    let broken = 0;
    worded.forEach((item, n) => {
      const base = plain[n]!;
      expect(item.answer).toBe(base.answer);
      expect(optionsOf(item).map((o) => [o.label, o.correct, o.distractor])).toEqual(optionsOf(base).map((o) => [o.label, o.correct, o.distractor]));
      expect([item.relationIds, item.conceptIds, item.chunkIds, item.operators]).toEqual([base.relationIds, base.conceptIds, base.chunkIds, base.operators]);
      if (breaksParity(optionsOf(base).map((o) => o.text))) {
        broken++;
        expect([item.question, optionsOf(item).map((o) => o.text)]).toEqual([base.question, optionsOf(base).map((o) => o.text)]);
      } else {
        expect(item.question).toBe(`Reworded: ${base.question}`);
        expect(optionsOf(item).map((o) => o.text)).toEqual(optionsOf(base).map((o) => reword(o.text)));
      }
    });
    expect(broken).toBeGreaterThan(0);
    expect(broken).toBeLessThan(worded.length);
    expect(job.result).toMatchObject({ items: worded.length, added: worded.length, wording: { reworded: worded.length - broken, kept: { "broke option-length parity": broken } } });

    const { body } = await callRoute(benchmarkRoute.GET, "GET", { token: fx.token, params: { projectId: fx.projectId, benchmarkId: benchmark.id } });
    expect(body.stats.lengthParity.maxRatio).toBeLessThanOrEqual(1.3);

    // A crash after half the items: the resumed run asks the cache, not the endpoint, and writes the same texts.
    const requests = endpoint.requests();
    await prisma.benchmarkItem.deleteMany({ where: { benchmarkId: benchmark.id, position: { gte: Math.floor(worded.length / 2) } } });
    await prisma.benchmark.update({ where: { id: benchmark.id }, data: { status: "building" } });
    const resumed = await enqueueJob(prisma, "benchmark.generate", { projectId: fx.projectId, benchmarkId: benchmark.id }, { projectId: fx.projectId });
    const resumedJob = await waitForJob(prisma, resumed.id);
    expect(resumedJob.status).toBe("completed");
    expect(endpoint.requests()).toBe(requests);
    expect((resumedJob.result as { usage: { cachedCalls: number } }).usage.cachedCalls).toBe(worded.length - Math.floor(worded.length / 2));
    const after = await loadItems(benchmark.id);
    expect(after.map((i) => [i.key, i.position, i.question, i.options])).toEqual(worded.map((i) => [i.key, i.position, i.question, i.options]));
  });

  it("never lets the provider key out: responses, jobs, items, audit, worker logs", async () => {
    const rows = [
      ...(await prisma.job.findMany({ where: { projectId: fx.projectId } })),
      ...(await prisma.benchmark.findMany({ where: { projectId: fx.projectId } })),
      ...(await prisma.auditEvent.findMany({ where: { projectId: fx.projectId } })),
    ];
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    expect(worker.output()).not.toContain(SECRET);
  });
});
