// Training samples into the database in batches. Whatever an earlier, interrupted attempt wrote is
// removed first: the version is not frozen yet, and a rebuild from the recipe gives the same rows.
import type { PrismaClient } from "@proda/db";
import type { TSample } from "@proda/engine";

const BATCH = 2000;

export async function writeSamples(
  prisma: PrismaClient,
  datasetVersionId: string,
  samples: readonly TSample[],
  onBatch: (written: number) => Promise<void>,
): Promise<void> {
  await prisma.trainingSample.deleteMany({ where: { datasetVersionId } });
  for (let i = 0; i < samples.length; i += BATCH) {
    await prisma.trainingSample.createMany({
      data: samples.slice(i, i + BATCH).map((s) => ({
        datasetVersionId,
        position: s.meta.position,
        key: s.key,
        type: s.type,
        messages: s.messages as object[],
        meta: s.meta as object,
        discipline: s.meta.discipline,
        documentId: s.meta.documentId,
        conceptIds: s.meta.conceptIds,
        relationIds: s.meta.relationIds,
      })),
    });
    await onBatch(Math.min(samples.length, i + BATCH));
  }
}
