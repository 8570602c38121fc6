// corpus.parseDocuments: parses, chunks and scores a batch of documents; an archive in the batch
// is expanded and its entries join the batch. Documents already handled are skipped, so a retry
// after a crash continues where the last attempt stopped.
import type { TJobPayload } from "@proda/jobs";
import { expandArchive } from "../corpus/expand-archive.ts";
import { ingestDocument } from "../corpus/ingest-document.ts";
import { loadCorpusSettings } from "../corpus/load-corpus-settings.ts";
import type { JobContext } from "../job-context.ts";

const DONE = new Set(["parsed", "failed", "expanded"]);

export async function parseDocuments(ctx: JobContext<TJobPayload<"corpus.parseDocuments">>) {
  const { prisma, payload } = ctx;
  const settings = await loadCorpusSettings(prisma, payload.projectId);
  const queue = [...payload.documentIds];
  let parsed = 0;
  let failed = 0;
  for (let i = 0; i < queue.length; i++) {
    const doc = await prisma.document.findFirst({ where: { id: queue[i], projectId: payload.projectId } });
    await ctx.progress({ done: i, total: queue.length, failed, message: doc ? `Parsing ${doc.filename}` : undefined });
    if (!doc) continue; // deleted meanwhile
    if (doc.format === "zip") {
      // An archive expanded by an earlier attempt still contributes the entries it created.
      const entries = DONE.has(doc.status)
        ? (await prisma.document.findMany({ where: { archiveId: doc.id }, select: { id: true } })).map((d) => d.id)
        : await expandArchive(prisma, doc);
      queue.push(...entries);
      if (doc.status === "failed") failed++;
      continue;
    }
    if (DONE.has(doc.status)) continue;
    await prisma.document.update({ where: { id: doc.id }, data: { status: "parsing" } });
    if ((await ingestDocument(prisma, doc, settings)) === "parsed") parsed++;
    else failed++;
  }
  await ctx.progress({ done: queue.length, total: queue.length, failed, message: `${parsed} parsed, ${failed} failed` });
  return { documents: queue.length, parsed, failed };
}
