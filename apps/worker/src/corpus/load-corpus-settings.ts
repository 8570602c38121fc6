import type { PrismaClient } from "@proda/db";
import { resolveCorpusSettings, type TCorpusSettings } from "@proda/engine";

export async function loadCorpusSettings(prisma: PrismaClient, projectId: string): Promise<TCorpusSettings> {
  return resolveCorpusSettings(await prisma.corpusSettings.findUnique({ where: { projectId } }));
}
