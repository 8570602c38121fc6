// knowledge.extractChunks: top-down extraction (chains → relations → concepts) of a batch of chunks
// through the version's provider. Each chunk's result is stored as soon as it is done, so a retry
// after a crash resumes after the last stored chunk and never calls the model twice for one chunk.
import { Prisma } from "@proda/db";
import type { TJobPayload } from "@proda/jobs";
import { createKnowledgeProvider, loadProviderSettings, ProviderRequestError } from "@proda/providers";
import { UnrecoverableError } from "bullmq";
import type { JobContext } from "../job-context.ts";

export async function extractKnowledgeChunks(ctx: JobContext<TJobPayload<"knowledge.extractChunks">>) {
  const { prisma, payload } = ctx;
  const version = await prisma.knowledgeVersion.findUniqueOrThrow({ where: { id: payload.versionId } });
  const settings = version.settings as { providerId?: string; relationTypes?: string[] };
  const provider = createKnowledgeProvider(await loadProviderSettings(prisma, payload.projectId, settings.providerId), { prisma, redis: ctx.redis });

  const done = new Set(
    (await prisma.knowledgeChunkResult.findMany({ where: { versionId: version.id, chunkId: { in: payload.chunkIds } }, select: { chunkId: true } })).map((r) => r.chunkId),
  );
  const chunks = await prisma.chunk.findMany({
    where: { id: { in: payload.chunkIds.filter((id) => !done.has(id)) }, projectId: payload.projectId },
    select: { id: true, text: true, document: { select: { discipline: true } } },
  });
  let rejected = 0;
  for (const [i, chunk] of chunks.entries()) {
    await ctx.progress({ done: done.size + i, total: payload.chunkIds.length, failed: rejected, message: `Extracting from chunk ${done.size + i + 1} of ${payload.chunkIds.length}` });
    const outcome = await provider.extractChunk({ chunkId: chunk.id, text: chunk.text, discipline: chunk.document.discipline, relationTypes: settings.relationTypes }).catch((error: unknown) => {
      // A request the endpoint refuses as such (bad key, unknown model) will not succeed on retry;
      // an unavailable endpoint (ProviderUnavailableError) is left to the queue's retries.
      if (error instanceof ProviderRequestError) throw new UnrecoverableError(error.message);
      throw error;
    });
    const { usage } = outcome;
    if (outcome.status === "rejected") rejected++;
    await prisma.$transaction([
      prisma.knowledgeChunkResult.create({
        data: {
          versionId: version.id, chunkId: chunk.id, status: outcome.status,
          result: outcome.status === "done" ? ({ extracted: outcome.result, rejected: outcome.rejections } as object) : Prisma.DbNull,
          rejectReason: outcome.status === "rejected" ? outcome.reason : null,
          rejectedItems: outcome.status === "done" ? outcome.rejectedItems : 0,
          promptTokens: usage.promptTokens, completionTokens: usage.completionTokens, costUsd: usage.costUsd, cached: usage.cached,
        },
      }),
      prisma.knowledgeVersion.update({
        where: { id: version.id },
        data: {
          chunksDone: { increment: 1 }, chunksRejected: { increment: outcome.status === "rejected" ? 1 : 0 },
          promptTokens: { increment: usage.cached ? 0 : usage.promptTokens }, completionTokens: { increment: usage.cached ? 0 : usage.completionTokens },
          costUsd: { increment: usage.costUsd }, cachedCalls: { increment: usage.cached ? 1 : 0 },
        },
      }),
    ]);
  }
  await ctx.progress({ done: payload.chunkIds.length, total: payload.chunkIds.length, failed: rejected, message: `${chunks.length - rejected} extracted, ${rejected} rejected` });
  return { extracted: chunks.length - rejected, rejected, skipped: done.size };
}
