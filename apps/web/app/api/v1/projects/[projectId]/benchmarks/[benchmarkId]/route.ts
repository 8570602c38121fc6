// GET /api/v1/projects/:projectId/benchmarks/:benchmarkId — a benchmark with its statistics (answer positions,
// length parity, counts per discipline/operator/mode, length-only guessers) over its non-rejected items.
// DELETE …/benchmarks/:benchmarkId — removes an unfrozen benchmark whose job is not running (409 otherwise).
import { getPrisma } from "@proda/db";
import { findBenchmark, loadBenchmarkDtos } from "@/server/benchmarks/benchmark-dto";
import { loadBenchmarkStats } from "@/server/benchmarks/benchmark-stats";
import { deleteBenchmark } from "@/server/benchmarks/delete-benchmark";
import { noContent } from "@/server/http";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/benchmarks/[benchmarkId]", {}, async ({ projectId, params }) => {
  const prisma = getPrisma();
  const benchmark = await findBenchmark(prisma, projectId, params.benchmarkId);
  const [[dto], stats] = await Promise.all([loadBenchmarkDtos(prisma, [benchmark]), loadBenchmarkStats(prisma, benchmark)]);
  return { benchmark: dto, stats };
});

export const DELETE = route("DELETE /projects/[projectId]/benchmarks/[benchmarkId]", {}, async ({ projectId, params, user }) => {
  const prisma = getPrisma();
  await deleteBenchmark(prisma, await findBenchmark(prisma, projectId, params.benchmarkId), user!.id);
  return noContent();
});
