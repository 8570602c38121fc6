// Starts a Builder run: a new dataset version with its full recipe (so it can be rebuilt exactly),
// built by a worker. Every benchmark of the project frozen at this moment is written into the recipe
// as forbidden text, so training data never copies a benchmark that exists when it is built.
import { AppError } from "@proda/core";
import type { DatasetVersion, PrismaClient } from "@proda/db";
import { BUILDER_VERSION, ZRatios, ZRecipe, type TRecipe } from "@proda/engine";
import { enqueueJob } from "@proda/jobs";
import { z } from "zod";
import { findLive } from "./live-job.ts";
import { isPatchRecipe, ZPatchRecipe } from "@proda/engine";

const ZId = z.string().min(1).max(64);
const DEFAULT_BUDGET = 1000;

const ZRecipeFields = z.object({
  ratios: ZRatios.optional(),
  budget: z.number().int().min(1).max(2_000_000).optional(),
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
  windowSize: z.number().int().min(1).max(1000).optional(),
  trueShare: z.number().min(0).max(1).optional(),
  excludeRelationIds: z.array(ZId).max(100_000).optional(),
  excludeConceptIds: z.array(ZId).max(100_000).optional(),
});

/** A new recipe over a knowledge version, or `rebuildOf`: the exact recipe of an existing version. */
export const ZDatasetRequest = ZRecipeFields.extend({
  knowledgeVersionId: ZId.optional(),
  rebuildOf: ZId.optional(),
  name: z.string().trim().min(1).max(120).optional(),
}).superRefine((r, ctx) => {
  if (!r.knowledgeVersionId === !r.rebuildOf) ctx.addIssue({ code: "custom", path: ["knowledgeVersionId"], message: "Give either knowledgeVersionId or rebuildOf" });
  if (r.rebuildOf) {
    for (const field of Object.keys(ZRecipeFields.shape) as (keyof typeof ZRecipeFields.shape)[]) {
      if (r[field] !== undefined) ctx.addIssue({ code: "custom", path: [field], message: "A rebuild copies the recipe exactly; leave this out" });
    }
  }
});
export type TDatasetRequest = z.infer<typeof ZDatasetRequest>;

async function recipeOf(prisma: PrismaClient, projectId: string, request: TDatasetRequest): Promise<{ recipe: TRecipe; name?: string }> {
  if (request.rebuildOf) {
    const source = await prisma.datasetVersion.findFirst({ where: { id: request.rebuildOf, projectId } });
    if (!source) throw new AppError("not_found", "The dataset version to rebuild was not found");
    // A patch or control recipe is copied whole: ZRecipe alone would drop its plan and build a plain version.
    const recipe = isPatchRecipe(source.recipe) ? ZPatchRecipe.parse(source.recipe) : ZRecipe.parse(source.recipe);
    if (recipe.builderVersion !== BUILDER_VERSION) {
      throw new AppError("conflict", `Version ${source.number} was built by Builder ${recipe.builderVersion}; this is Builder ${BUILDER_VERSION}, which cannot rebuild it exactly.`);
    }
    return { recipe, name: `Rebuild of ${source.name}` };
  }
  const versionId = request.knowledgeVersionId!;
  const [relations, concepts] = await Promise.all([
    request.excludeRelationIds?.length ? prisma.relation.count({ where: { versionId, id: { in: request.excludeRelationIds } } }) : 0,
    request.excludeConceptIds?.length ? prisma.concept.count({ where: { versionId, id: { in: request.excludeConceptIds } } }) : 0,
  ]);
  if (relations !== new Set(request.excludeRelationIds ?? []).size || concepts !== new Set(request.excludeConceptIds ?? []).size) {
    throw new AppError("validation_failed", "Some excluded relations or concepts are not in this knowledge version");
  }
  const frozen = await prisma.benchmark.findMany({ where: { projectId, frozenAt: { not: null } }, select: { id: true }, orderBy: { number: "asc" } });
  const recipe = ZRecipe.parse({
    knowledgeVersionId: versionId,
    ratios: request.ratios,
    budget: request.budget ?? DEFAULT_BUDGET,
    seed: request.seed ?? 0,
    windowSize: request.windowSize,
    trueShare: request.trueShare,
    excludeRelationIds: request.excludeRelationIds,
    excludeConceptIds: request.excludeConceptIds,
    forbiddenBenchmarkIds: frozen.map((b) => b.id),
  });
  return { recipe };
}

export async function startDataset(prisma: PrismaClient, projectId: string, userId: string, request: TDatasetRequest): Promise<DatasetVersion> {
  const { recipe, name } = await recipeOf(prisma, projectId, request);
  const knowledge = await prisma.knowledgeVersion.findFirst({ where: { id: recipe.knowledgeVersionId, projectId } });
  if (!knowledge) throw new AppError("not_found", "Knowledge version not found");
  if (knowledge.status !== "ready") throw new AppError("conflict", `Knowledge version ${knowledge.number} is ${knowledge.status}, not ready.`);
  const running = await findLive(prisma, await prisma.datasetVersion.findMany({ where: { projectId, status: "building" } }));
  if (running) throw new AppError("conflict", `Dataset version ${running.number} is still being built; wait for it or cancel its job.`, { datasetId: running.id });

  const last = await prisma.datasetVersion.aggregate({ where: { projectId }, _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  const version = await prisma.datasetVersion.create({
    data: {
      projectId, number, name: request.name ?? name ?? `Dataset v${number}`, knowledgeVersionId: knowledge.id,
      recipe: recipe as object, parentId: recipe.parent?.datasetVersionId ?? null, createdById: userId,
    },
  });
  try {
    const job = await enqueueJob(prisma, "dataset.build", { projectId, datasetVersionId: version.id }, { projectId, createdById: userId });
    return prisma.datasetVersion.update({ where: { id: version.id }, data: { jobId: job.id } });
  } catch (error) {
    await prisma.datasetVersion.delete({ where: { id: version.id } });
    throw error;
  }
}
