// A dataset version's samples from its stored recipe: read the knowledge version, the forbidden
// benchmark texts the recipe names, run the Builder, write the samples and mark the version ready.
// Deterministic for a recipe, so a retry (or a rebuild) writes the same rows with the same hash.
import type { PrismaClient } from "@proda/db";
import { buildDataset, hashDataset, ZRecipe } from "@proda/engine";
import type { ProgressUpdate } from "../job-context.ts";
import { loadForbiddenTexts } from "./load-benchmark-items.ts";
import { loadBuilderInput } from "./load-builder-input.ts";
import { writeSamples } from "./write-samples.ts";

export async function buildDatasetVersion(prisma: PrismaClient, datasetVersionId: string, progress: (update: ProgressUpdate) => Promise<void>) {
  const version = await prisma.datasetVersion.findUnique({ where: { id: datasetVersionId } });
  // Deleted while queued, or a duplicate delivery after it finished: nothing to do.
  if (!version) return { skipped: "deleted" };
  if (version.status !== "building") return { skipped: version.status };
  const recipe = ZRecipe.parse(version.recipe);

  await progress({ done: 0, total: 3, message: "Loading the knowledge version" });
  const input = await loadBuilderInput(prisma, recipe.knowledgeVersionId);
  const forbiddenTexts = await loadForbiddenTexts(prisma, recipe.forbiddenBenchmarkIds);

  await progress({ done: 1, total: 3, message: `Building ${recipe.budget} samples from ${input.relations.length} relations` });
  const result = buildDataset(input, recipe, { forbiddenTexts });

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
