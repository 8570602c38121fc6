// GET /api/v1/projects/:projectId/benchmarks/:benchmarkId/items?discipline=&review=&operator=&mode=&q=&cursor=&limit=
// — items in generation order, filtered, cursor-paginated.
import { getPrisma } from "@proda/db";
import { findBenchmark } from "@/server/benchmarks/benchmark-dto";
import { listItems, ZItemQuery } from "@/server/benchmarks/list-items";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/benchmarks/[benchmarkId]/items", { input: ZItemQuery }, async ({ projectId, params, input }) => {
  const prisma = getPrisma();
  const benchmark = await findBenchmark(prisma, projectId, params.benchmarkId);
  return listItems(prisma, benchmark.id, input);
});
