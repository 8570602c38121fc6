// The failure trace of one diagnosis: item → chain → relations → concepts → source chunks → the
// training samples that taught those nodes → the diagnosis → the patch samples of any V2 built
// from this run that target them. Everything is read by id from the item's provenance.
import { AppError } from "@proda/core";
import { Prisma, type DiagnosisRun, type PrismaClient } from "@proda/db";
import type { TFailureTraceDto } from "@/lib/api-types";
import { toItemDto } from "../benchmarks/benchmark-dto.ts";
import { toSampleDto } from "../datasets/dataset-dto.ts";
import { loadRelations } from "../knowledge/knowledge-dto.ts";
import { toDiagnosisDto } from "./diagnosis-dto.ts";
import { countTaughtBy } from "./teaching-counts.ts";

const SHOWN = 20;

/** Dataset versions patched from this run (not their random controls). */
async function patchVersionIds(prisma: PrismaClient, run: DiagnosisRun): Promise<string[]> {
  const versions = await prisma.datasetVersion.findMany({ where: { projectId: run.projectId, recipe: { path: ["diagnosisRunId"], equals: run.id } }, select: { id: true, recipe: true } });
  return versions.filter((v) => (v.recipe as { kind?: string }).kind === "patch").map((v) => v.id);
}

export async function loadFailureTrace(prisma: PrismaClient, run: DiagnosisRun, diagnosisId: string | undefined): Promise<TFailureTraceDto> {
  const diagnosis = diagnosisId ? await prisma.diagnosis.findFirst({ where: { id: diagnosisId, runId: run.id } }) : null;
  if (!diagnosis) throw new AppError("not_found", "Diagnosis not found");
  const [item, result] = await Promise.all([
    prisma.benchmarkItem.findUniqueOrThrow({ where: { id: diagnosis.itemId }, include: { benchmark: { select: { knowledgeVersionId: true } } } }),
    prisma.evaluationResult.findUnique({ where: { evaluationId_itemId: { evaluationId: run.evaluationId, itemId: diagnosis.itemId } }, select: { raw: true, parsed: true, correct: true } }),
  ]);
  const versionId = item.benchmark.knowledgeVersionId ?? "";
  const teaches = { OR: [{ relationIds: { hasSome: item.relationIds } }, { conceptIds: { hasSome: item.conceptIds } }] };
  const patchIds = await patchVersionIds(prisma, run);
  const [chain, relations, concepts, chunks, relationCounts, conceptCounts, trainingSamples, patchSamples] = await Promise.all([
    prisma.chain.findFirst({ where: { id: item.chainId, versionId }, select: { id: true, title: true, steps: true } }),
    loadRelations(prisma, versionId, Prisma.sql`r.id = ANY(${item.relationIds})`, item.relationIds.length || 1),
    prisma.concept.findMany({ where: { id: { in: item.conceptIds }, versionId }, select: { id: true, term: true, type: true } }),
    prisma.chunk.findMany({ where: { id: { in: item.chunkIds } }, select: { id: true, documentId: true, text: true, document: { select: { filename: true } } } }),
    countTaughtBy(prisma, run.datasetVersionId, "relationIds", item.relationIds),
    countTaughtBy(prisma, run.datasetVersionId, "conceptIds", item.conceptIds),
    run.datasetVersionId
      ? prisma.trainingSample.findMany({ where: { datasetVersionId: run.datasetVersionId, ...teaches }, orderBy: { position: "asc" }, take: SHOWN })
      : [],
    patchIds.length
      ? prisma.trainingSample.findMany({
          where: {
            datasetVersionId: { in: patchIds },
            AND: [
              { OR: [...teaches.OR, { meta: { path: ["patch", "chainId"], equals: item.chainId } }] },
              { OR: [{ meta: { path: ["patch", "recipe"], equals: "refine" } }, { meta: { path: ["patch", "recipe"], equals: "chain_of_thought" } }] },
            ],
          },
          orderBy: [{ datasetVersionId: "asc" }, { position: "asc" }],
          take: SHOWN,
        })
      : [],
  ]);
  const order = (ids: string[]) => (a: { id: string }, b: { id: string }) => ids.indexOf(a.id) - ids.indexOf(b.id);
  return {
    diagnosis: toDiagnosisDto(diagnosis, item),
    item: toItemDto(item),
    result,
    chain: chain && {
      id: chain.id,
      title: chain.title,
      steps: (chain.steps as { order: number; text: string; relationId: string }[])
        .map((s) => ({ order: s.order, text: s.text, relationId: s.relationId }))
        .sort((a, b) => a.order - b.order),
    },
    relations: relations.sort(order(item.relationIds)).map((r) => ({ ...r, taughtBy: relationCounts.get(r.id) ?? 0 })),
    concepts: concepts.sort(order(item.conceptIds)).map((c) => ({ ...c, taughtBy: conceptCounts.get(c.id) ?? 0 })),
    chunks: chunks.sort(order(item.chunkIds)).map((c) => ({ id: c.id, documentId: c.documentId, documentName: c.document.filename, text: c.text })),
    trainingSamples: trainingSamples.map(toSampleDto),
    patchSamples: patchSamples.map(toSampleDto),
  };
}
