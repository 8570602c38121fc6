// How often the evaluated model's training data teaches each node, counted from the TrainingSample
// columns (relationIds, conceptIds) page by page: a 160k-sample version is never one query. A base
// model (no dataset) was taught nothing, so every tested node counts as untaught.
import type { PrismaClient } from "@proda/db";
import { countTeaching, type TTeachingCounts } from "@proda/engine";

const PAGE = 5000;

function addInto(total: Map<string, number>, page: ReadonlyMap<string, number>) {
  for (const [id, n] of page) total.set(id, (total.get(id) ?? 0) + n);
}

export async function loadTeachingCounts(prisma: PrismaClient, datasetVersionId: string | null): Promise<TTeachingCounts> {
  const relations = new Map<string, number>();
  const concepts = new Map<string, number>();
  if (!datasetVersionId) return { relations, concepts };
  for (let after = -1; ; ) {
    const page = await prisma.trainingSample.findMany({
      where: { datasetVersionId, position: { gt: after } },
      select: { position: true, relationIds: true, conceptIds: true },
      orderBy: { position: "asc" },
      take: PAGE,
    });
    const counts = countTeaching(page);
    addInto(relations, counts.relations);
    addInto(concepts, counts.concepts);
    if (page.length < PAGE) return { relations, concepts };
    after = page[page.length - 1]!.position;
  }
}
