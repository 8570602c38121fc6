// Everything GET /api/v1/metrics reports. Queue depths come from BullMQ; job and LLM figures are
// aggregated from PostgreSQL at scrape time (so they are the same whichever web instance answers,
// and survive restarts); HTTP counters are this process's own (http-metrics.ts).
import type { PrismaClient } from "@proda/db";
import { getQueue, QUEUE_NAMES, withQueueDeadline } from "@proda/jobs";
import { histogramSamples, type TMetricFamily, type TSample } from "./exposition.ts";
import { httpFamilies } from "./http-metrics.ts";

const BULL_STATES = ["waiting", "active", "delayed", "prioritized", "waiting-children", "completed", "failed"] as const;
export const JOB_BUCKETS = [1, 5, 15, 60, 300, 900, 3600, 14400];

const n = (v: bigint | number | string | null | undefined) => Number(v ?? 0);

async function queueFamilies(): Promise<TMetricFamily[]> {
  const samples: TSample[] = [];
  let up = 1;
  for (const name of QUEUE_NAMES) {
    try {
      const counts = await withQueueDeadline(() => getQueue(name).getJobCounts(...BULL_STATES), 2000);
      for (const state of BULL_STATES) samples.push({ labels: { queue: name, state }, value: counts[state] ?? 0 });
    } catch {
      up = 0; // Redis is down: report that instead of failing the whole scrape.
    }
  }
  return [
    { name: "proda_queue_up", help: "1 when the queues' Redis answered this scrape.", type: "gauge", samples: [{ value: up }] },
    { name: "proda_queue_jobs", help: "BullMQ jobs per queue and state (completed/failed: those still kept by the queue).", type: "gauge", samples },
  ];
}

async function jobFamilies(prisma: PrismaClient): Promise<TMetricFamily[]> {
  const byStatus = await prisma.job.groupBy({ by: ["kind", "status"], _count: { _all: true }, orderBy: [{ kind: "asc" }, { status: "asc" }] });
  const cases = JOB_BUCKETS.map((le, i) => `count(*) FILTER (WHERE d <= ${le}) AS b${i}`).join(", ");
  // Bucket bounds are constants of this file, never input: safe to inline.
  const durations = await prisma.$queryRawUnsafe<Record<string, bigint | number | string>[]>(
    `SELECT kind, count(*) AS n, coalesce(sum(d), 0) AS s, ${cases}
     FROM (SELECT kind, extract(epoch FROM "finishedAt" - "startedAt")::float8 AS d FROM "Job"
           WHERE "finishedAt" IS NOT NULL AND "startedAt" IS NOT NULL AND status IN ('completed', 'failed')) t
     GROUP BY kind ORDER BY kind`,
  );
  return [
    {
      name: "proda_jobs",
      help: "Jobs recorded in the Job table, by kind and status.",
      type: "gauge",
      samples: byStatus.map((r) => ({ labels: { kind: r.kind, status: r.status }, value: r._count._all })),
    },
    {
      name: "proda_job_failures",
      help: "Jobs that ended failed, by kind (after their retries).",
      type: "gauge",
      samples: byStatus.filter((r) => r.status === "failed").map((r) => ({ labels: { kind: r.kind }, value: r._count._all })),
    },
    {
      name: "proda_job_duration_seconds",
      help: "Run time (started → finished) of completed and failed jobs, by kind.",
      type: "histogram",
      samples: durations.flatMap((r) =>
        histogramSamples({ kind: String(r.kind) }, JOB_BUCKETS, JOB_BUCKETS.map((_, i) => n(r[`b${i}`] as bigint)), n(r.s as number), n(r.n as bigint))),
    },
  ];
}

async function llmFamilies(prisma: PrismaClient): Promise<TMetricFamily[]> {
  const [knowledgeCalls, knowledgeUsage, evaluationCalls, evaluationUsage, cache] = await Promise.all([
    prisma.$queryRaw<{ provider: string; cached: boolean; n: bigint }[]>`
      SELECT v."providerKind" AS provider, r.cached, count(*) AS n
      FROM "KnowledgeChunkResult" r JOIN "KnowledgeVersion" v ON v.id = r."versionId"
      GROUP BY 1, 2 ORDER BY 1, 2`,
    prisma.$queryRaw<{ provider: string; p: bigint; c: bigint; cost: number }[]>`
      SELECT "providerKind" AS provider, sum("promptTokens") AS p, sum("completionTokens") AS c, sum("costUsd")::float8 AS cost
      FROM "KnowledgeVersion" GROUP BY 1 ORDER BY 1`,
    prisma.$queryRaw<{ provider: string; n: bigint }[]>`
      SELECT m.backend AS provider, count(*) AS n
      FROM "EvaluationResult" r JOIN "Evaluation" e ON e.id = r."evaluationId" JOIN "RegisteredModel" m ON m.id = e."modelId"
      GROUP BY 1 ORDER BY 1`,
    prisma.$queryRaw<{ provider: string; p: bigint; c: bigint; cost: number }[]>`
      SELECT m.backend AS provider, sum(e."promptTokens") AS p, sum(e."completionTokens") AS c, sum(e."costUsd")::float8 AS cost
      FROM "Evaluation" e JOIN "RegisteredModel" m ON m.id = e."modelId" GROUP BY 1 ORDER BY 1`,
    prisma.$queryRaw<{ n: bigint; p: bigint | null; c: bigint | null }[]>`
      SELECT count(*) AS n, sum("promptTokens") AS p, sum("completionTokens") AS c FROM "LlmCache"`,
  ]);
  const usage = [...knowledgeUsage.map((u) => ({ stage: "knowledge", ...u })), ...evaluationUsage.map((u) => ({ stage: "evaluation", ...u }))];
  return [
    {
      name: "proda_llm_calls",
      help: "Model calls by stage and provider/backend: knowledge extraction per chunk (cached=true: answered from the response cache), evaluation per answered item.",
      type: "gauge",
      samples: [
        ...knowledgeCalls.map((r) => ({ labels: { stage: "knowledge", provider: r.provider, cached: String(r.cached) }, value: n(r.n) })),
        ...evaluationCalls.map((r) => ({ labels: { stage: "evaluation", provider: r.provider, cached: "false" }, value: n(r.n) })),
      ],
    },
    {
      name: "proda_llm_tokens",
      help: "Tokens billed by stage, provider/backend and type (cached answers cost none).",
      type: "gauge",
      samples: usage.flatMap((u) => [
        { labels: { stage: u.stage, provider: u.provider, type: "prompt" }, value: n(u.p) },
        { labels: { stage: u.stage, provider: u.provider, type: "completion" }, value: n(u.c) },
      ]),
    },
    {
      name: "proda_llm_cost_usd",
      help: "Estimated cost in US dollars by stage and provider/backend (from the providers' configured prices).",
      type: "gauge",
      samples: usage.map((u) => ({ labels: { stage: u.stage, provider: u.provider }, value: n(u.cost) })),
    },
    {
      name: "proda_llm_cache_entries",
      help: "Validated LLM responses stored in the shared response cache (every stage; one per distinct request).",
      type: "gauge",
      samples: [{ value: n(cache[0]?.n) }],
    },
    {
      name: "proda_llm_cache_tokens",
      help: "Tokens of the responses in the shared cache, by type: what re-running the same requests saves.",
      type: "gauge",
      samples: [
        { labels: { type: "prompt" }, value: n(cache[0]?.p) },
        { labels: { type: "completion" }, value: n(cache[0]?.c) },
      ],
    },
  ];
}

export async function collectMetrics(prisma: PrismaClient): Promise<TMetricFamily[]> {
  const [queues, jobs, llm] = await Promise.all([queueFamilies(), jobFamilies(prisma), llmFamilies(prisma)]);
  return [...queues, ...jobs, ...llm, ...httpFamilies()];
}
