// corpus.deduplicate: marks exact and near-duplicate chunks across the whole project. The earliest
// copy (by document upload order, then position) is kept, so the outcome does not depend on which
// batch finished first. Recomputed from scratch each run: idempotent.
import type { TJobPayload } from "@proda/jobs";
import { loadCorpusSettings } from "../corpus/load-corpus-settings.ts";
import { computeDuplicates, type TChunkDecision } from "../corpus/compute-duplicates.ts";
import type { JobContext } from "../job-context.ts";

const UPDATE_BATCH = 2000;

export async function deduplicateChunks(ctx: JobContext<TJobPayload<"corpus.deduplicate">>) {
  const { prisma, payload } = ctx;
  const settings = await loadCorpusSettings(prisma, payload.projectId);
  await ctx.progress({ done: 0, total: 1, message: "Loading chunk signatures" });
  const decisions = await computeDuplicates(prisma, payload.projectId, settings.dedupThreshold);
  const changed = decisions.filter((d) => d.changed);
  for (let i = 0; i < changed.length; i += UPDATE_BATCH) {
    await ctx.progress({ done: i, total: changed.length, message: `Marking duplicates (${changed.length} changes)` });
    await applyDecisions(ctx, changed.slice(i, i + UPDATE_BATCH));
  }
  const exact = decisions.filter((d) => d.dropReason === "exact_duplicate").length;
  const near = decisions.filter((d) => d.dropReason === "near_duplicate").length;
  await ctx.progress({ done: changed.length, total: changed.length, message: `${exact} exact and ${near} near duplicates` });
  return { chunks: decisions.length, exactDuplicates: exact, nearDuplicates: near, changed: changed.length };
}

async function applyDecisions(ctx: JobContext<unknown>, batch: TChunkDecision[]) {
  // One statement per batch: UPDATE … FROM a VALUES list built from parameters.
  const values = batch.map((d) => [d.id, d.keep, d.dropReason, d.duplicateOfId, d.similarity] as const);
  await ctx.prisma.$executeRawUnsafe(
    `UPDATE "Chunk" AS c SET keep = v.keep, "dropReason" = v.reason, "duplicateOfId" = v.dup, similarity = v.sim
     FROM (SELECT * FROM unnest($1::text[], $2::boolean[], $3::text[], $4::text[], $5::float8[])) AS v(id, keep, reason, dup, sim)
     WHERE c.id = v.id`,
    values.map((v) => v[0]), values.map((v) => v[1]), values.map((v) => v[2]), values.map((v) => v[3]), values.map((v) => v[4]),
  );
}
