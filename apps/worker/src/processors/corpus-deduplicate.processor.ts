// corpus.deduplicate: marks exact and near-duplicate chunks across the whole project. The earliest
// copy (by document upload order, then position) is kept, so the outcome does not depend on which
// batch finished first. Recomputed from scratch each run: idempotent.
import type { TJobPayload } from "@proda/jobs";
import { computeDuplicates, type TChunkDecision } from "../corpus/compute-duplicates.ts";
import { loadCorpusSettings } from "../corpus/load-corpus-settings.ts";
import type { JobContext } from "../job-context.ts";

export async function deduplicateChunks(ctx: JobContext<TJobPayload<"corpus.deduplicate">>) {
  const { prisma, payload } = ctx;
  const settings = await loadCorpusSettings(prisma, payload.projectId);
  const total = await prisma.chunk.count({ where: { projectId: payload.projectId } });
  const counts = await computeDuplicates(prisma, payload.projectId, settings.dedupThreshold, async (changed, seen) => {
    if (changed.length > 0) await applyDecisions(ctx, changed);
    await ctx.progress({ done: seen, total, message: `Checked ${seen} of ${total} chunks` });
  });
  await ctx.progress({ done: total, total, message: `${counts.exactDuplicates} exact and ${counts.nearDuplicates} near duplicates` });
  return counts;
}

async function applyDecisions(ctx: JobContext<unknown>, batch: TChunkDecision[]) {
  // One statement per page: UPDATE … FROM unnest(arrays).
  await ctx.prisma.$executeRawUnsafe(
    `UPDATE "Chunk" AS c SET keep = v.keep, "dropReason" = v.reason, "duplicateOfId" = v.dup, similarity = v.sim
     FROM unnest($1::text[], $2::boolean[], $3::text[], $4::text[], $5::float8[]) AS v(id, keep, reason, dup, sim)
     WHERE c.id = v.id`,
    batch.map((d) => d.id), batch.map((d) => d.keep), batch.map((d) => d.dropReason),
    batch.map((d) => d.duplicateOfId), batch.map((d) => d.similarity),
  );
}
