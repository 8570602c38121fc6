// The parent version's samples as the engine's TSample, in position order (the order replay draws
// from), read page by page like a training run reads them.
import type { PrismaClient } from "@proda/db";
import type { TMessage, TSample, TSampleMeta, TSampleType } from "@proda/engine";
import { readSamplePages } from "../training/read-samples.ts";

export async function loadParentSamples(prisma: PrismaClient, datasetVersionId: string): Promise<TSample[]> {
  const samples: TSample[] = [];
  for await (const page of readSamplePages(prisma, datasetVersionId)) {
    for (const s of page) {
      samples.push({ key: s.key, type: s.type as TSampleType, messages: s.messages as unknown as TMessage[], meta: s.meta as unknown as TSampleMeta });
    }
  }
  return samples;
}
