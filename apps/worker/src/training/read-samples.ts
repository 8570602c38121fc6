// A dataset version's samples in position order, one page at a time (a version can hold 160k).
import type { PrismaClient } from "@proda/db";
import type { TTrainerSample } from "@proda/providers";

const PAGE = 2000;

export async function* readSamplePages(prisma: PrismaClient, datasetVersionId: string): AsyncGenerator<TTrainerSample[]> {
  for (let after = -1; ; ) {
    const page = await prisma.trainingSample.findMany({
      where: { datasetVersionId, position: { gt: after } },
      select: { position: true, key: true, type: true, messages: true, meta: true },
      orderBy: { position: "asc" },
      take: PAGE,
    });
    if (page.length === 0) return;
    yield page.map((s) => ({ key: s.key, type: s.type, messages: s.messages as TTrainerSample["messages"], meta: s.meta as Record<string, unknown> }));
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.position;
  }
}
