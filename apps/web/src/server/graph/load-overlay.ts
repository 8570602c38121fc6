// Overlay values for the overview, one per layout node in layout order, computed in one statement:
//  coverage — the share of a concept's relations taught by a dataset version's samples
//             (TrainingSample.relationIds); a concept without relations: 1 if a sample teaches it
//             directly (conceptIds), else 0.
//  failure  — the share of an evaluation's items testing the concept (BenchmarkItem.conceptIds)
//             that the model got wrong; −1 where no item tests it.
import { AppError } from "@proda/core";
import type { PrismaClient } from "@proda/db";
import { z } from "zod";
import type { TOverlayDto } from "@/lib/api-types";

export const ZOverlayQuery = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("coverage"), layoutId: z.string().min(1).max(64), datasetId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal("failure"), layoutId: z.string().min(1).max(64), evaluationId: z.string().min(1).max(64) }),
]);
export type TOverlayQuery = z.infer<typeof ZOverlayQuery>;

async function assertLayout(prisma: PrismaClient, versionId: string, layoutId: string) {
  const layout = await prisma.graphLayout.findFirst({ where: { id: layoutId, versionId }, select: { status: true } });
  if (!layout) throw new AppError("not_found", "Layout not found");
  if (layout.status !== "ready") throw new AppError("conflict", `The layout is ${layout.status}; overlays need a ready layout.`);
}

async function coverage(prisma: PrismaClient, projectId: string, versionId: string, layoutId: string, datasetId: string): Promise<number[]> {
  const dataset = await prisma.datasetVersion.findFirst({ where: { id: datasetId, projectId }, select: { knowledgeVersionId: true, number: true } });
  if (!dataset) throw new AppError("not_found", "Dataset version not found");
  if (dataset.knowledgeVersionId !== versionId) throw new AppError("conflict", `Dataset version ${dataset.number} was built from another knowledge version.`);
  const [row] = await prisma.$queryRaw<{ values: number[] | null }[]>`
    WITH nodes AS (SELECT u.id, u.ord FROM "GraphLayout" l, unnest(l."conceptIds") WITH ORDINALITY AS u(id, ord) WHERE l.id = ${layoutId}),
    taught AS (SELECT DISTINCT unnest("relationIds") AS id FROM "TrainingSample" WHERE "datasetVersionId" = ${datasetId}),
    taught_concepts AS (SELECT DISTINCT unnest("conceptIds") AS id FROM "TrainingSample" WHERE "datasetVersionId" = ${datasetId}),
    ends AS (
      SELECT r."subjectId" AS concept, t.id IS NOT NULL AS hit FROM "Relation" r JOIN nodes n ON n.id = r."subjectId" LEFT JOIN taught t ON t.id = r.id
      WHERE r."versionId" = ${versionId}
      UNION ALL
      SELECT r."objectId", t.id IS NOT NULL FROM "Relation" r JOIN nodes n ON n.id = r."objectId" LEFT JOIN taught t ON t.id = r.id
      WHERE r."versionId" = ${versionId}
    ),
    per AS (SELECT concept, count(*) AS total, count(*) FILTER (WHERE hit) AS hits FROM ends GROUP BY concept)
    SELECT array_agg(CASE WHEN p.total > 0 THEN round(p.hits::numeric / p.total, 3)::float8 WHEN tc.id IS NOT NULL THEN 1 ELSE 0 END ORDER BY n.ord) AS values
    FROM nodes n LEFT JOIN per p ON p.concept = n.id LEFT JOIN taught_concepts tc ON tc.id = n.id`;
  return row?.values ?? [];
}

async function failure(prisma: PrismaClient, projectId: string, versionId: string, layoutId: string, evaluationId: string): Promise<number[]> {
  const evaluation = await prisma.evaluation.findFirst({ where: { id: evaluationId, projectId }, select: { benchmarkId: true, number: true } });
  if (!evaluation) throw new AppError("not_found", "Evaluation not found");
  const benchmark = await prisma.benchmark.findUnique({ where: { id: evaluation.benchmarkId }, select: { knowledgeVersionId: true } });
  if (benchmark?.knowledgeVersionId !== versionId) throw new AppError("conflict", `Evaluation ${evaluation.number} tested a benchmark built from another knowledge version.`);
  const [row] = await prisma.$queryRaw<{ values: number[] | null }[]>`
    WITH nodes AS (SELECT u.id, u.ord FROM "GraphLayout" l, unnest(l."conceptIds") WITH ORDINALITY AS u(id, ord) WHERE l.id = ${layoutId}),
    per AS (
      SELECT concept, count(*) AS total, count(*) FILTER (WHERE NOT er.correct) AS failed
      FROM "EvaluationResult" er JOIN "BenchmarkItem" bi ON bi.id = er."itemId" CROSS JOIN LATERAL unnest(bi."conceptIds") AS concept
      WHERE er."evaluationId" = ${evaluationId} GROUP BY concept
    )
    SELECT array_agg(CASE WHEN p.total > 0 THEN round(p.failed::numeric / p.total, 3)::float8 ELSE -1 END ORDER BY n.ord) AS values
    FROM nodes n LEFT JOIN per p ON p.concept = n.id`;
  return row?.values ?? [];
}

export async function loadOverlay(prisma: PrismaClient, projectId: string, versionId: string, query: TOverlayQuery): Promise<TOverlayDto> {
  await assertLayout(prisma, versionId, query.layoutId);
  const values = query.kind === "coverage"
    ? await coverage(prisma, projectId, versionId, query.layoutId, query.datasetId)
    : await failure(prisma, projectId, versionId, query.layoutId, query.evaluationId);
  return { kind: query.kind, layoutId: query.layoutId, values };
}
