// What changed between two dataset versions, by sample key (keys hash content and provenance, not
// position): counts overall and per type, and the first added and removed samples to look at.
import type { DatasetVersion, PrismaClient } from "@proda/db";
import { diffDatasets, type TSampleType } from "@proda/engine";
import type { TDatasetDiffDto } from "@/lib/api-types";
import { toSampleDto } from "./dataset-dto.ts";

const SHOWN = 50;
const PAGE = 20_000;

async function loadKeys(prisma: PrismaClient, datasetVersionId: string): Promise<{ key: string; type: TSampleType }[]> {
  const keys: { key: string; type: TSampleType }[] = [];
  for (let after = -1; ; ) {
    const page = await prisma.trainingSample.findMany({
      where: { datasetVersionId, position: { gt: after } },
      select: { position: true, key: true, type: true },
      orderBy: { position: "asc" },
      take: PAGE,
    });
    for (const row of page) keys.push({ key: row.key, type: row.type as TSampleType });
    if (page.length < PAGE) return keys;
    after = page[page.length - 1]!.position;
  }
}

async function loadSamples(prisma: PrismaClient, datasetVersionId: string, keys: string[]) {
  const rows = await prisma.trainingSample.findMany({ where: { datasetVersionId, key: { in: keys } }, orderBy: { position: "asc" } });
  return rows.map(toSampleDto);
}

/** `from` → `to`: added samples are in `to` and not in `from`. */
export async function diffVersions(prisma: PrismaClient, from: DatasetVersion, to: DatasetVersion): Promise<TDatasetDiffDto> {
  const [a, b] = await Promise.all([loadKeys(prisma, from.id), loadKeys(prisma, to.id)]);
  const diff = diffDatasets(a, b);
  const [addedSamples, removedSamples] = await Promise.all([
    loadSamples(prisma, to.id, diff.added.slice(0, SHOWN)),
    loadSamples(prisma, from.id, diff.removed.slice(0, SHOWN)),
  ]);
  return {
    from: { id: from.id, number: from.number },
    to: { id: to.id, number: to.number },
    added: diff.added.length,
    removed: diff.removed.length,
    kept: diff.unchanged.length,
    byType: Object.entries(diff.byType).map(([type, counts]) => ({ type, added: counts.added, removed: counts.removed })),
    addedSamples,
    removedSamples,
  };
}
