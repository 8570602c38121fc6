// GET /api/v1/projects/:projectId/benchmarks/:benchmarkId/items/:itemId — an item with its provenance: each
// distractor's source relation (with its quote), the chain's steps, the concepts, the generated wording if edited.
// PATCH …/items/:itemId — expert review { action: accept|reject|edit, question?, options?: [{ label, text }], note? }.
import { getPrisma } from "@proda/db";
import { findBenchmark, toItemDto } from "@/server/benchmarks/benchmark-dto";
import { findItem, loadItemDetail } from "@/server/benchmarks/item-detail";
import { reviewItem, ZItemReview } from "@/server/benchmarks/review-item";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/benchmarks/[benchmarkId]/items/[itemId]", {}, async ({ projectId, params }) => {
  const prisma = getPrisma();
  const benchmark = await findBenchmark(prisma, projectId, params.benchmarkId);
  return loadItemDetail(prisma, benchmark, await findItem(prisma, benchmark.id, params.itemId));
});

export const PATCH = route(
  "PATCH /projects/[projectId]/benchmarks/[benchmarkId]/items/[itemId]",
  { input: ZItemReview },
  async ({ projectId, params, user, input }) => {
    const prisma = getPrisma();
    const benchmark = await findBenchmark(prisma, projectId, params.benchmarkId);
    const item = await reviewItem(prisma, benchmark, await findItem(prisma, benchmark.id, params.itemId), user!.id, input);
    return { item: toItemDto(item) };
  },
);
