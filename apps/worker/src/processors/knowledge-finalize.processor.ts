// knowledge.finalize: runs after every extraction batch; builds the canonical graph of the version
// from the stored per-chunk results, writes the quality report and marks the version ready.
import type { TExtractedChunk, TRejection } from "@proda/engine";
import type { TJobPayload } from "@proda/jobs";
import type { JobContext } from "../job-context.ts";
import { buildGraph, type TChunkResultRow } from "../knowledge/build-graph.ts";
import { buildQualityReport } from "../knowledge/quality-report.ts";

export interface TStoredChunkResult {
  extracted: TExtractedChunk;
  rejected: TRejection[];
}

export async function finalizeKnowledge(ctx: JobContext<TJobPayload<"knowledge.finalize">>) {
  const { prisma, payload } = ctx;
  const version = await prisma.knowledgeVersion.findUniqueOrThrow({ where: { id: payload.versionId } });
  if (version.status === "ready") return { alreadyReady: true };
  await prisma.knowledgeVersion.update({ where: { id: version.id }, data: { status: "canonicalising" } });
  await ctx.progress({ done: 0, total: 3, message: "Loading chunk results" });

  const stored = await prisma.$queryRaw<{ chunkId: string; status: string; result: TStoredChunkResult | null; rejectReason: string | null; documentId: string; discipline: string }[]>`
    SELECT r."chunkId", r.status, r.result, r."rejectReason", c."documentId", d.discipline
    FROM "KnowledgeChunkResult" r JOIN "Chunk" c ON c.id = r."chunkId" JOIN "Document" d ON d.id = c."documentId"
    WHERE r."versionId" = ${version.id}
    ORDER BY d."createdAt", d.id, c.index`;
  const rows: TChunkResultRow[] = stored
    .filter((r) => r.status === "done" && r.result)
    .map((r) => ({ chunkId: r.chunkId, documentId: r.documentId, discipline: r.discipline, extracted: r.result!.extracted }));

  await ctx.progress({ done: 1, total: 3, message: `Canonicalising concepts of ${rows.length} chunks` });
  const graph = await buildGraph(prisma, version.id, rows);

  await ctx.progress({ done: 2, total: 3, message: "Writing the quality report" });
  const rejectedBy = new Map<string, number>();
  for (const r of stored) if (r.status === "rejected") rejectedBy.set(r.rejectReason ?? "unknown", (rejectedBy.get(r.rejectReason ?? "unknown") ?? 0) + 1);
  const rejectedItems = stored.flatMap((r) => r.result?.rejected ?? []);
  const report = buildQualityReport(graph, {
    chunks: stored.length,
    rejectedChunks: [...rejectedBy].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    rejectedRelations: rejectedItems.filter((r) => r.kind === "relation").length,
    rejectedItems: rejectedItems.length,
    promptTokens: version.promptTokens,
    completionTokens: version.completionTokens,
    costUsd: version.costUsd,
  });
  await prisma.knowledgeVersion.update({
    where: { id: version.id },
    data: { status: "ready", report: report as object, finishedAt: new Date() },
  });
  await ctx.progress({ done: 3, total: 3, message: `${graph.concepts.length} concepts, ${graph.relations.length} relations, ${graph.chains.length} chains` });
  return { concepts: graph.concepts.length, relations: graph.relations.length, chains: graph.chains.length };
}
