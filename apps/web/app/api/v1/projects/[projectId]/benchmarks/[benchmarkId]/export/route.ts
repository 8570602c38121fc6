// GET /api/v1/projects/:projectId/benchmarks/:benchmarkId/export?format=jsonl|lm_eval|opencompass — the
// non-rejected items as a download: JSONL streamed, the multi-file formats as a zip. Node ids kept in `meta`.
import { getPrisma } from "@proda/db";
import { BENCHMARK_EXPORT_FORMATS } from "@proda/engine";
import { z } from "zod";
import { findBenchmark } from "@/server/benchmarks/benchmark-dto";
import { exportBenchmark } from "@/server/benchmarks/export-benchmark";
import { route } from "@/server/route";

const ZQuery = z.object({ format: z.enum(BENCHMARK_EXPORT_FORMATS).default("jsonl") });

export const GET = route("GET /projects/[projectId]/benchmarks/[benchmarkId]/export", { input: ZQuery }, async ({ projectId, params, input }) => {
  const prisma = getPrisma();
  return exportBenchmark(prisma, await findBenchmark(prisma, projectId, params.benchmarkId), input.format);
});
