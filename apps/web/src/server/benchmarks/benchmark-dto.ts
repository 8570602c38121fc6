// Benchmark rows → API shapes, and stored item rows back into the engine's item (stats, edits,
// exports). A benchmark whose job was cancelled or failed for good is reported as such, as the
// knowledge versions are: a job cancelled before it started never reaches the worker.
import { AppError } from "@proda/core";
import type { Benchmark, BenchmarkItem, PrismaClient } from "@proda/db";
import { ZBenchmarkSettings, type TBenchmarkItem, type TItemOption } from "@proda/engine";
import type { TBenchmarkDto, TBenchmarkItemDto, TReviewState } from "@/lib/api-types";

const REVIEW_STATES: TReviewState[] = ["pending", "accepted", "edited", "rejected"];

/** A benchmark of the project; `id` may be undefined when a route is called without it. */
export async function findBenchmark(prisma: PrismaClient, projectId: string, id: string | undefined): Promise<Benchmark> {
  const benchmark = id ? await prisma.benchmark.findFirst({ where: { id, projectId } }) : null;
  if (!benchmark) throw new AppError("not_found", "Benchmark not found");
  return benchmark;
}

export function readSettings(benchmark: Pick<Benchmark, "settings">) {
  return ZBenchmarkSettings.parse(benchmark.settings);
}

export async function loadBenchmarkDtos(prisma: PrismaClient, benchmarks: Benchmark[]): Promise<TBenchmarkDto[]> {
  const ids = benchmarks.map((b) => b.id);
  const [jobs, counts, versions] = await Promise.all([
    prisma.job.findMany({ where: { id: { in: benchmarks.flatMap((b) => (b.jobId ? [b.jobId] : [])) } }, select: { id: true, status: true, error: true } }),
    prisma.benchmarkItem.groupBy({ by: ["benchmarkId", "review"], where: { benchmarkId: { in: ids } }, _count: { _all: true } }),
    prisma.knowledgeVersion.findMany({ where: { id: { in: [...new Set(benchmarks.flatMap((b) => (b.knowledgeVersionId ? [b.knowledgeVersionId] : [])))] } }, select: { id: true, number: true } }),
  ]);
  const jobOf = new Map(jobs.map((j) => [j.id, j]));
  const numberOf = new Map(versions.map((v) => [v.id, v.number]));
  return benchmarks.map((b) => {
    const review = Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as Record<TReviewState, number>;
    for (const c of counts) if (c.benchmarkId === b.id) review[c.review] = c._count._all;
    const job = b.jobId ? jobOf.get(b.jobId) : undefined;
    const lost = b.status === "building" && job && (job.status === "cancelled" || job.status === "failed");
    const { providerId: _providerId, ...settings } = readSettings(b);
    return {
      id: b.id,
      number: b.number,
      name: b.name,
      source: b.source === "external" ? "external" : "tester",
      knowledgeVersionId: b.knowledgeVersionId,
      knowledgeVersionNumber: b.knowledgeVersionId ? (numberOf.get(b.knowledgeVersionId) ?? null) : null,
      status: lost ? (job.status as "cancelled" | "failed") : b.status,
      settings,
      providerKind: b.providerKind,
      providerName: b.providerName,
      jobId: b.jobId,
      itemCount: Object.values(review).reduce((n, k) => n + k, 0),
      review,
      skipped: b.skipped as TBenchmarkDto["skipped"],
      error: b.error ?? (lost ? job.error : null),
      createdAt: b.createdAt.toISOString(),
      finishedAt: b.finishedAt?.toISOString() ?? null,
      frozenAt: b.frozenAt?.toISOString() ?? null,
    };
  });
}

export const toItemDto = (row: BenchmarkItem): TBenchmarkItemDto => ({
  id: row.id,
  position: row.position,
  key: row.key,
  kind: row.kind,
  mode: row.mode as TBenchmarkItemDto["mode"],
  question: row.question,
  options: row.options as unknown as TItemOption[],
  answer: row.answer,
  chainId: row.chainId,
  discipline: row.discipline,
  chainLength: row.chainLength,
  level: row.level,
  operators: row.operators,
  review: row.review,
  reviewNote: row.reviewNote,
  reviewedAt: row.reviewedAt?.toISOString() ?? null,
});

/** The row as the engine's item (unvalidated: callers that change it parse with ZBenchmarkItem). */
export const toEngineItem = (row: Omit<BenchmarkItem, "id" | "benchmarkId" | "position" | "review" | "reviewNote" | "reviewedById" | "reviewedAt" | "original">): TBenchmarkItem => ({
  key: row.key,
  kind: row.kind as TBenchmarkItem["kind"],
  mode: row.mode as TBenchmarkItem["mode"],
  question: row.question,
  options: row.options as unknown as TItemOption[],
  answer: row.answer,
  chainId: row.chainId,
  relationIds: row.relationIds,
  conceptIds: row.conceptIds,
  chunkIds: row.chunkIds,
  discipline: row.discipline,
  difficulty: { chainLength: row.chainLength, operators: row.operators as TBenchmarkItem["difficulty"]["operators"], level: row.level },
});
