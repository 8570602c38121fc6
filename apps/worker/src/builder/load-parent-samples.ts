// The parent version's samples as the engine's TSample, in position order (the order replay draws
// from), page by page.
import type { PrismaClient } from "@proda/db";
import type { TMessage, TSample, TSampleMeta, TSampleType } from "@proda/engine";

const PAGE = 5000;

export async function loadParentSamples(prisma: PrismaClient, datasetVersionId: string): Promise<TSample[]> {
  const samples: TSample[] = [];
  for (let after = -1; ; ) {
    const page = await prisma.trainingSample.findMany({
      where: { datasetVersionId, position: { gt: after } },
      select: { position: true, key: true, type: true, messages: true, meta: true },
      orderBy: { position: "asc" },
      take: PAGE,
    });
    for (const row of page) {
      samples.push({ key: row.key, type: row.type as TSampleType, messages: row.messages as unknown as TMessage[], meta: row.meta as unknown as TSampleMeta });
    }
    if (page.length < PAGE) return samples;
    after = page[page.length - 1]!.position;
  }
}
