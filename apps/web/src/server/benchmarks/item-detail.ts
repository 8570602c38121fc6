// One item with its provenance: the relations it tests and those its distractors perturb (with their
// quotes, so each distractor can be shown beside the true relation it rewrites), its chain's steps,
// the concepts it links, and the generated wording when an expert has edited it.
import { AppError } from "@proda/core";
import { Prisma, type Benchmark, type BenchmarkItem, type PrismaClient } from "@proda/db";
import type { TBenchmarkItemDetailDto } from "@/lib/api-types";
import { loadRelations } from "../knowledge/knowledge-dto.ts";
import { toItemDto } from "./benchmark-dto.ts";

export async function findItem(prisma: PrismaClient, benchmarkId: string, itemId: string | undefined): Promise<BenchmarkItem> {
  const item = itemId ? await prisma.benchmarkItem.findFirst({ where: { id: itemId, benchmarkId } }) : null;
  if (!item) throw new AppError("not_found", "Item not found");
  return item;
}

export async function loadItemDetail(prisma: PrismaClient, benchmark: Benchmark, item: BenchmarkItem): Promise<TBenchmarkItemDetailDto> {
  // An external set's items test no knowledge nodes: nothing to load beside them.
  const versionId = benchmark.knowledgeVersionId ?? "";
  const options = toItemDto(item).options;
  const relationIds = [...new Set([...item.relationIds, ...options.flatMap((o) => (o.distractor ? [o.distractor.sourceRelationId] : []))])];
  const [relations, chain, concepts] = await Promise.all([
    loadRelations(prisma, versionId, Prisma.sql`r.id = ANY(${relationIds})`, relationIds.length || 1),
    prisma.chain.findFirst({ where: { id: item.chainId, versionId }, select: { id: true, title: true, steps: true } }),
    prisma.concept.findMany({ where: { id: { in: item.conceptIds }, versionId }, select: { id: true, term: true, type: true } }),
  ]);
  const original = item.original as TBenchmarkItemDetailDto["original"];
  return {
    item: { ...toItemDto(item), relationIds: item.relationIds, conceptIds: item.conceptIds, chunkIds: item.chunkIds },
    chain: chain && {
      id: chain.id,
      title: chain.title,
      steps: (chain.steps as { order: number; text: string }[]).map((s) => ({ order: s.order, text: s.text })).sort((a, b) => a.order - b.order),
    },
    relations,
    concepts: concepts.sort((a, b) => item.conceptIds.indexOf(a.id) - item.conceptIds.indexOf(b.id)),
    original: original ?? null,
  };
}
