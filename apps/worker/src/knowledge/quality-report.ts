// The quality report of a knowledge version, per discipline and overall: sizes, connectivity,
// orphans, degree histogram, chain shape, verified-quote share, rejects, tokens and cost.
import { computeGraphStats } from "@proda/engine";
import type { TBuiltGraph } from "./build-graph.ts";

export interface TRunTotals {
  chunks: number;
  rejectedChunks: { reason: string; count: number }[];
  rejectedRelations: number;
  rejectedItems: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

function statsOf(graph: TBuiltGraph, keep: (discipline: string) => boolean) {
  const concepts = graph.concepts.filter((c) => keep(c.discipline));
  const relations = graph.relations.filter((r) => keep(r.discipline));
  const stats = computeGraphStats({
    concepts: concepts.map((c) => c.id),
    relations: relations.map((r) => ({ subject: r.subjectId, object: r.objectId })),
    chains: graph.chains.filter((c) => keep(c.discipline)).map((c) => ({ steps: c.steps })),
  });
  const { orphanConcepts, ...rest } = stats;
  return { ...rest, orphanConcepts: orphanConcepts.length, orphanShare: concepts.length ? orphanConcepts.length / concepts.length : 0 };
}

export function buildQualityReport(graph: TBuiltGraph, totals: TRunTotals) {
  const disciplines = [...new Set(graph.concepts.map((c) => c.discipline))].sort();
  const kept = graph.relations.length;
  return {
    total: statsOf(graph, () => true),
    disciplines: disciplines.map((d) => ({ discipline: d, ...statsOf(graph, (x) => x === d) })),
    verifiedQuoteShare: kept + totals.rejectedRelations > 0 ? kept / (kept + totals.rejectedRelations) : 1,
    rejected: totals.rejectedChunks,
    rejectedItems: totals.rejectedItems,
    tokens: {
      prompt: totals.promptTokens,
      completion: totals.completionTokens,
      perChunk: totals.chunks ? (totals.promptTokens + totals.completionTokens) / totals.chunks : 0,
    },
    costUsd: totals.costUsd,
  };
}
