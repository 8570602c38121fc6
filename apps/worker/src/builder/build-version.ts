// A dataset version's samples from its stored recipe: a plain Builder recipe (the knowledge version,
// the forbidden benchmark texts it names), or a patch / random-control recipe (build-patch-version),
// then the samples written and the version marked ready. Deterministic for a recipe, so a retry
// (or a rebuild) writes the same rows with the same hash.
import type { PrismaClient } from "@proda/db";
import { buildDataset, hashDataset, ZRecipe, type TBuildStats, type TCoverage, type TSample } from "@proda/engine";
import type { ProgressUpdate } from "../job-context.ts";
import { buildFromPatchRecipe } from "./build-patch-version.ts";
import { loadForbiddenTexts } from "./load-benchmark-items.ts";
import { loadBuilderInput } from "./load-builder-input.ts";
import { isPatchRecipe, ZPatchRecipe } from "@proda/engine";
import { writeSamples } from "./write-samples.ts";

type TProgress = (update: ProgressUpdate) => Promise<void>;

async function buildFromRecipe(prisma: PrismaClient, recipeJson: unknown, progress: TProgress) {
  const recipe = ZRecipe.parse(recipeJson);
  await progress({ done: 0, total: 3, message: "Loading the knowledge version" });
  const input = await loadBuilderInput(prisma, recipe.knowledgeVersionId);
  const forbiddenTexts = await loadForbiddenTexts(prisma, recipe.forbiddenBenchmarkIds);
  await progress({ done: 1, total: 3, message: `Building ${recipe.budget} samples from ${input.relations.length} relations` });
  return buildDataset(input, recipe, { forbiddenTexts });
}

export async function buildDatasetVersion(prisma: PrismaClient, datasetVersionId: string, progress: TProgress) {
  const version = await prisma.datasetVersion.findUnique({ where: { id: datasetVersionId } });
  // Deleted while queued, or a duplicate delivery after it finished: nothing to do.
  if (!version) return { skipped: "deleted" };
  if (version.status !== "building") return { skipped: version.status };

  const result: { samples: TSample[]; coverage: TCoverage; stats: TBuildStats } = isPatchRecipe(version.recipe)
    ? await buildFromPatchRecipe(prisma, ZPatchRecipe.parse(version.recipe), progress)
    : await buildFromRecipe(prisma, version.recipe, progress);

  const total = 2 + result.samples.length;
  await writeSamples(prisma, version.id, result.samples, (written) =>
    progress({ done: 2 + written, total, message: `Writing samples (${written} of ${result.samples.length})` }),
  );
  await prisma.datasetVersion.update({
    where: { id: version.id },
    data: {
      status: "ready",
      contentHash: hashDataset(result.samples),
      sampleCount: result.samples.length,
      coverage: result.coverage as object,
      stats: result.stats as object,
      finishedAt: new Date(),
      error: null,
    },
  });
  return { samples: result.samples.length, shortfall: result.stats.shortfall };
}
