// POST /api/v1/projects/:projectId/benchmarks/:benchmarkId/freeze — makes a ready benchmark (and its knowledge
// version) immutable and records the chains, relations and concepts it tests; 409 unless ready.
import { getPrisma } from "@proda/db";
import { freezeBenchmark } from "@proda/pipeline";
import { findBenchmark, loadBenchmarkDtos } from "@/server/benchmarks/benchmark-dto";
import { route } from "@/server/route";

export const POST = route("POST /projects/[projectId]/benchmarks/[benchmarkId]/freeze", {}, async ({ projectId, params, user }) => {
  const prisma = getPrisma();
  const frozen = await freezeBenchmark(prisma, await findBenchmark(prisma, projectId, params.benchmarkId), user!.id);
  const [benchmark] = await loadBenchmarkDtos(prisma, [frozen]);
  return { benchmark };
});
